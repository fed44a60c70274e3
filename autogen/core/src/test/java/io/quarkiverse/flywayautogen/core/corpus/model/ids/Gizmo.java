package io.quarkiverse.flywayautogen.core.corpus.model.ids;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An explicit GenerationType.AUTO on the entity itself (no mapped superclass). */
@Entity
public class Gizmo {
    @Id
    @GeneratedValue(strategy = GenerationType.AUTO)
    public Long id;
    public String model;
}
