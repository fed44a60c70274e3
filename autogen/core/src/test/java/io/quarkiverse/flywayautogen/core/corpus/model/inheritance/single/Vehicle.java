package io.quarkiverse.flywayautogen.core.corpus.model.inheritance.single;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** SINGLE_TABLE: one table Vehicle, the subclasses' columns nullable, a discriminator column "kind". */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.STRING, length = 10)
public abstract class Vehicle extends PanacheStyleEntity {
    public String plate;
}
