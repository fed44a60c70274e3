package io.quarkiverse.flywayautogen.core.corpus.model.evolve.widen.v1;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;

@Entity
public class Tally extends PanacheStyleEntity {
    public String name;
    public Integer amount;
}
