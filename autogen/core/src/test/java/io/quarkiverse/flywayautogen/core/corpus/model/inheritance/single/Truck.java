package io.quarkiverse.flywayautogen.core.corpus.model.inheritance.single;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("TRUCK")
public class Truck extends Vehicle {
    public Long payloadKg;
}
