package io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.widen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** Parent table; {@code name} widened from varchar(50) to varchar(100), which SQLite can only do by a rebuild. */
@Entity
@Table(indexes = @Index(columnList = "city"))
public class Owner {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false, length = 100)
    public String name;

    public String city;
}
