package io.quarkiverse.flywayautogen.core.scenarios.equivalenttypes.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** The types a hand-written V1 spells its own way; the CHECK is the one Bean Validation's {@code @Min(0)} declares. */
@Entity
@Check(constraints = "weight_kg>=0")
public class Visit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    public LocalDateTime seenAt;

    public LocalTime opensAt;

    public Integer visits;

    public String note;

    public Boolean paid;

    public Double weightKg;

    @Column(precision = 10, scale = 2)
    public BigDecimal fee;
}
