package io.quarkiverse.flywayautogen.core.selfcheck.unbuildable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

/** One half of a cycle of required references: no row of either can be stored first. */
@Entity
public class Husband {
    @Id
    @GeneratedValue
    public Long id;

    @OneToOne(optional = false)
    public Wife wife;
}
