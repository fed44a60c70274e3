package io.quarkiverse.flywayautogen.core.selfcheck.visitcheck;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;

/** v2 of a visit whose CHECK no made-up sample value meets (they count upwards from 1): no sample row can be stored. */
@Entity
@Check(constraints = "priority < 0")
public class Visit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false)
    public LocalDate visitDate;

    public String description;

    public Integer priority;
}
