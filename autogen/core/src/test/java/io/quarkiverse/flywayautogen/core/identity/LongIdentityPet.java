package io.quarkiverse.flywayautogen.core.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The mapping Hibernate cannot validate on SQLite: a Long IDENTITY key, which the database assigns only as INTEGER. */
@Entity
public class LongIdentityPet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
}
