package io.quarkiverse.flywayautogen.core.corpus.model.evolve.widen.v2;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;

@Entity
public class Tally extends PanacheStyleEntity {
    public String name;
    public Long amount;
}
