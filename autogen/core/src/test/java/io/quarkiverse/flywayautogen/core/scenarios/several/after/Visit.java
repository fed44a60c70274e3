package io.quarkiverse.flywayautogen.core.scenarios.several.after;

import jakarta.persistence.*;
import org.hibernate.annotations.*;
import io.quarkiverse.flywayautogen.RenamedFrom;

@jakarta.persistence.Entity
public class Visit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    public String reason;

    @ManyToOne
    public Pet pet;

}
