package io.quarkiverse.flywayautogen.core.corpus.model.inheritance.joined;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {
    @Column(length = 4)
    public String lastDigits;
}
