package io.quarkiverse.flywayautogen.core.corpus.model.evolve.renametable.v2;

import io.quarkiverse.flywayautogen.RenamedFrom;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Same entity, new table name (identity key, so no sequence table follows the rename). */
@Entity
@Table(name = "Bookshelf")
@RenamedFrom("Shelf")
public class Shelf {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    // As the Pet Manager does: SQLite's rowid alias must be declared INTEGER, which Hibernate validates as bigint
    // for a Long unless told otherwise.
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;
    public String room;
}
