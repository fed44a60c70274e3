package io.quarkiverse.flywayautogen.core.scenarios.fkindex;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** A composite primary key, so that a reference to it is a two-column foreign key. */
@Entity
public class Clinic {
    @EmbeddedId
    public ClinicKey key;

    public String name;
}
