package io.quarkiverse.flywayautogen.core.scenarios.manytomany.after;

import jakarta.persistence.*;
import org.hibernate.annotations.*;
import io.quarkiverse.flywayautogen.RenamedFrom;

@jakarta.persistence.Entity
public class Tag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false, unique = true)
    public String label;

}
