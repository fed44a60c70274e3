package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

import java.util.HashSet;
import java.util.Set;

/** Referenced by the association entities, and one side of a many-to-many with {@link Tag}. */
@Entity
public class Course {
    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, unique = true, length = 8)
    public String code;

    @ManyToMany
    public Set<Tag> tags = new HashSet<>();
}
