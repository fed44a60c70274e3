package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Referenced by the association entities; its id the database assigns (IDENTITY). */
@Entity
public class Student {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false, length = 20)
    public String name;

    @Column(nullable = false)
    public boolean active;
}
