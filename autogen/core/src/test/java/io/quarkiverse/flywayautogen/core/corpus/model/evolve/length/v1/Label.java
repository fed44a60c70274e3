package io.quarkiverse.flywayautogen.core.corpus.model.evolve.length.v1;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class Label extends PanacheStyleEntity {
    @Column(length = 40)
    public String text;
}
