package io.quarkiverse.flywayautogen.core.corpus.model.inheritance.joined;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class CashPayment extends Payment {
    @Column(length = 3)
    public String currency;
}
