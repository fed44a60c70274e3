package io.quarkiverse.flywayautogen.core.scenarios.renametable.hinted;

import jakarta.persistence.*;
import org.hibernate.annotations.*;
import io.quarkiverse.flywayautogen.RenamedFrom;

@jakarta.persistence.Entity
public class Pet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false)
    public String name;
    @ManyToOne
    public Owner owner;

}
