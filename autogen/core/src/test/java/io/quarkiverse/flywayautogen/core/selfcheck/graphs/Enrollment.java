package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;

import java.time.LocalDate;

/** An association entity: two required references that are also its key ({@code @EmbeddedId} with {@code @MapsId}). */
@Entity
public class Enrollment {
    @EmbeddedId
    public EnrollmentId id = new EnrollmentId();

    @MapsId("studentId")
    @ManyToOne(optional = false)
    public Student student;

    @MapsId("courseId")
    @ManyToOne(optional = false)
    public Course course;

    public LocalDate enrolledOn;
}
