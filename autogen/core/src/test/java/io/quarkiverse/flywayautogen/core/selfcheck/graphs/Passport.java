package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;

/** A required one-to-one: its foreign key column is NOT NULL and unique. */
@Entity
public class Passport {
    @Id
    @GeneratedValue
    public Long id;

    public String number;

    @OneToOne(optional = false)
    @JoinColumn(nullable = false, unique = true)
    public Student holder;
}
