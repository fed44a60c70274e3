package io.quarkiverse.flywayautogen.core.corpus.model.embedded;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Phone {
    @Column(length = 10)
    public String kind;
    @Column(nullable = false, length = 30)
    public String number;
}
