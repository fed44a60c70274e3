package io.quarkiverse.flywayautogen.core.corpus.model.relations;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;

import java.util.LinkedHashSet;
import java.util.Set;

@Entity
public class Course extends PanacheStyleEntity {
    public String title;

    @ManyToMany(mappedBy = "courses")
    public Set<Student> students = new LinkedHashSet<>();
}
