package io.quarkiverse.flywayautogen.core.corpus.model.relations;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;

import java.util.LinkedHashSet;
import java.util.Set;

/** Owning side of a @ManyToMany with Hibernate's default join table (Student_Course). */
@Entity
public class Student extends PanacheStyleEntity {
    public String name;

    @ManyToMany
    public Set<Course> courses = new LinkedHashSet<>();
}
