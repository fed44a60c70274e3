package io.quarkiverse.flywayautogen.core.scenarios.addcolumn.afternodefault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Pet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false)
    public String name;

    /** New NOT NULL column without a default: existing rows would have no value. */
    @Column(nullable = false)
    public Integer weightGrams;
}
