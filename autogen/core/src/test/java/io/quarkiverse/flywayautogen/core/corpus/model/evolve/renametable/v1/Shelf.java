package io.quarkiverse.flywayautogen.core.corpus.model.evolve.renametable.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Shelf {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    // As the Pet Manager does: SQLite's rowid alias must be declared INTEGER, which Hibernate validates as bigint
    // for a Long unless told otherwise.
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;
    public String room;
}
