package io.quarkiverse.flywayautogen.core.corpus.model.evolve.decimal.v1;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import java.math.BigDecimal;

@Entity
public class Price extends PanacheStyleEntity {
    public String item;
    @Column(precision = 10, scale = 2)
    public BigDecimal amount;
}
