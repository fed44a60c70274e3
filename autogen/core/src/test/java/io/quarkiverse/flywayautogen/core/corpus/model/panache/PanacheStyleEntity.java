package io.quarkiverse.flywayautogen.core.corpus.model.panache;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What {@code io.quarkus.hibernate.orm.panache.PanacheEntity} declares, without Quarkus: GenerationType.AUTO, which
 * Hibernate turns into a sequence named {@code <Entity>_SEQ} (allocation size 50), emulated by a table on SQLite.
 */
@MappedSuperclass
public abstract class PanacheStyleEntity {
    @Id
    @GeneratedValue
    public Long id;
}
