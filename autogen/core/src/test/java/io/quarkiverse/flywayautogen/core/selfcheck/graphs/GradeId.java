package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import java.io.Serializable;
import java.util.Objects;

/** The {@code @IdClass} of {@link Grade}: named as its reference attributes, typed as their ids. */
public class GradeId implements Serializable {
    public Long student;
    public Long course;

    @Override
    public boolean equals(Object o) {
        return o instanceof GradeId other && Objects.equals(student, other.student) && Objects.equals(course, other.course);
    }

    @Override
    public int hashCode() {
        return Objects.hash(student, course);
    }
}
