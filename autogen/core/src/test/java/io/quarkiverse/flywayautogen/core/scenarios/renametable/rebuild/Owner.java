package io.quarkiverse.flywayautogen.core.scenarios.renametable.rebuild;

import jakarta.persistence.*;
import org.hibernate.annotations.*;
import io.quarkiverse.flywayautogen.RenamedFrom;

@jakarta.persistence.Entity
@RenamedFrom("owner")
@Table(name = "person")
public class Owner {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false)
    @ColumnDefault("'n/a'")
    public String name;

}
