package io.quarkiverse.flywayautogen.core.corpus.model.evolve.lob.v1;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;

@Entity
public class Note extends PanacheStyleEntity {
    public String body;
    public String summary;
}
