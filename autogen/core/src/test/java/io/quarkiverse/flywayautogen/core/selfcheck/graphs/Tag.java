package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The other side of {@link Course#tags}, with an id the application assigns. */
@Entity
public class Tag {
    @Id
    @Column(length = 12)
    public String label;
}
