package io.quarkiverse.flywayautogen.core.corpus.model.evolve.lob.v2;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;

@Entity
public class Note extends PanacheStyleEntity {
    @Lob
    public String body;
    @Column(length = 100_000)
    public String summary;
}
