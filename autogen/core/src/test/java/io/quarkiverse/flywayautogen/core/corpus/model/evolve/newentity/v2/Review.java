package io.quarkiverse.flywayautogen.core.corpus.model.evolve.newentity.v2;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/** Added in v2: its table and its Review_SEQ table must both be created, the latter with its first row. */
@Entity
public class Review extends PanacheStyleEntity {
    public int stars;

    @ManyToOne(optional = false)
    public Author author;
}
