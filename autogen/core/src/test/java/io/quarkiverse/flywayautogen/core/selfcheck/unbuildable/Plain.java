package io.quarkiverse.flywayautogen.core.selfcheck.unbuildable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Stored whatever else cannot be: the check goes on past the samples it could not build. */
@Entity
public class Plain {
    @Id
    @GeneratedValue
    public Long id;

    public String text;
}
