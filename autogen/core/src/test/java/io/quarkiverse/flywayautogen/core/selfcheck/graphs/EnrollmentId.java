package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** The key of {@link Enrollment}: the ids of its two references. */
@Embeddable
public class EnrollmentId implements Serializable {
    public Long studentId;
    public Long courseId;

    @Override
    public boolean equals(Object o) {
        return o instanceof EnrollmentId other && Objects.equals(studentId, other.studentId) && Objects.equals(courseId, other.courseId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(studentId, courseId);
    }
}
