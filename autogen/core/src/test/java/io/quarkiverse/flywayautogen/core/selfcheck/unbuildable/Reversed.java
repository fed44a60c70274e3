package io.quarkiverse.flywayautogen.core.selfcheck.unbuildable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;

/** A CHECK made-up values miss (they count upwards from 1): the sample's fault, not the schema's. */
@Entity
@Check(constraints = "low_value < 0 AND high_value < 0")
public class Reversed {
    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false)
    public Integer lowValue;

    @Column(nullable = false)
    public Integer highValue;
}
