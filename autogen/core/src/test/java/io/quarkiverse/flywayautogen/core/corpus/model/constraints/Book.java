package io.quarkiverse.flywayautogen.core.corpus.model.constraints;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;
import org.hibernate.annotations.NaturalId;

/** @NaturalId: a unique key on isbn (which Hibernate's own SQLite DDL leaves out), looked up by bySimpleNaturalId. */
@Entity
public class Book extends PanacheStyleEntity {
    @NaturalId
    public String isbn;
    public String title;
}
