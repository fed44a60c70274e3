package io.quarkiverse.flywayautogen.core.corpus.model.evolve.length.v2;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class Label extends PanacheStyleEntity {
    @Column(length = 100)
    public String text;
}
