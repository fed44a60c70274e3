package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;

/** An association entity keyed by its two references through an {@code @IdClass}. */
@Entity
@IdClass(GradeId.class)
public class Grade {
    @Id
    @ManyToOne(optional = false)
    public Student student;

    @Id
    @ManyToOne(optional = false)
    public Course course;

    @Column(nullable = false)
    public int points;
}
