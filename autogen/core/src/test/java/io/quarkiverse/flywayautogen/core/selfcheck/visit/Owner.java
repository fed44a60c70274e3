package io.quarkiverse.flywayautogen.core.selfcheck.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The parent of {@link Visit}: with a boolean and a date, the types sample rows must bind as each database takes them. */
@Entity
public class Owner {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active;
}
