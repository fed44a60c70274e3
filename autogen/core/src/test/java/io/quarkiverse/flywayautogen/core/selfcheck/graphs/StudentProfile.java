package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;

/** A one-to-one sharing its key with the student ({@code @MapsId}): the key is the reference. */
@Entity
public class StudentProfile {
    @Id
    public Long id;

    @MapsId
    @OneToOne(optional = false)
    public Student student;

    public String bio;
}
