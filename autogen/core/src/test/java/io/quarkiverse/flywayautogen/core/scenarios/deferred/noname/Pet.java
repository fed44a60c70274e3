package io.quarkiverse.flywayautogen.core.scenarios.deferred.noname;

import jakarta.persistence.*;
import org.hibernate.annotations.*;
import io.quarkiverse.flywayautogen.RenamedFrom;

/** The pet of SingleTableScenariosTest.BEFORE without its NOT NULL name: a drop that safe rollout defers. */
@jakarta.persistence.Entity
public class Pet {
    public enum Species { CAT, DOG }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Species species;

    public Integer weight;

}
