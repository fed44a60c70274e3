package io.quarkiverse.flywayautogen.core.selfcheck.unbuildable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

/** The other half of {@link Husband}'s cycle. */
@Entity
public class Wife {
    @Id
    @GeneratedValue
    public Long id;

    @OneToOne(optional = false)
    public Husband husband;
}
