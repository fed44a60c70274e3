package io.quarkiverse.flywayautogen.core.corpus.model.evolve.newentity.v1;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;

@Entity
public class Author extends PanacheStyleEntity {
    public String name;
}
