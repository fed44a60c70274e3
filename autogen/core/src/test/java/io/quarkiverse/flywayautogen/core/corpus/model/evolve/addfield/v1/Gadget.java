package io.quarkiverse.flywayautogen.core.corpus.model.evolve.addfield.v1;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;

@Entity
public class Gadget extends PanacheStyleEntity {
    public String name;
}
