package io.quarkiverse.flywayautogen.core.scenarios.nochange.after;

import jakarta.persistence.*;
import org.hibernate.annotations.*;
import io.quarkiverse.flywayautogen.RenamedFrom;

@jakarta.persistence.Entity
public class Pet {
    public enum Species { CAT, DOG }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Species species;

    public Integer weight;

}
