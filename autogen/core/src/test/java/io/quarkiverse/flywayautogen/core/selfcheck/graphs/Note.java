package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A new table beside the graph: the change that makes the self-check run on the graph's existing rows. */
@Entity
public class Note {
    @Id
    @GeneratedValue
    public Long id;

    public String text;
}
