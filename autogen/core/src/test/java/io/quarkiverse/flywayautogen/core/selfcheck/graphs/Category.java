package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A required self-reference: the root is its own parent. */
@Entity
public class Category {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    @ManyToOne(optional = false)
    public Category parent;
}
