package io.quarkiverse.flywayautogen.core.scenarios.fkindex;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class ClinicKey implements Serializable {
    @Column(length = 2)
    public String country;

    @Column(length = 10)
    public String code;

    @Override
    public boolean equals(Object o) {
        return o instanceof ClinicKey k && Objects.equals(country, k.country) && Objects.equals(code, k.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(country, code);
    }
}
