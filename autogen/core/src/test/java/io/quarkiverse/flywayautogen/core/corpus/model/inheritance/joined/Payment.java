package io.quarkiverse.flywayautogen.core.corpus.model.inheritance.joined;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import java.math.BigDecimal;

/** JOINED: a Payment table and one table per subclass whose key references it. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Payment extends PanacheStyleEntity {
    @Column(precision = 12, scale = 2, nullable = false)
    public BigDecimal amount;
}
