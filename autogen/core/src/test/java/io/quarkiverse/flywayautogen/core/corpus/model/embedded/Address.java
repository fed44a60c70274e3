package io.quarkiverse.flywayautogen.core.corpus.model.embedded;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    public String street;
    public String city;
    @Column(name = "zip", length = 10)
    public String postalCode;
}
