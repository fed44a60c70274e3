package io.quarkiverse.flywayautogen.core.corpus.model.evolve.rename.v1;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;

@Entity
public class Crate extends PanacheStyleEntity {
    public String label;
}
