package io.quarkiverse.flywayautogen.core.corpus.model.inheritance.perclass;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;

/** TABLE_PER_CLASS needs keys unique across the tables, so no IDENTITY: one shared sequence. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Shape {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shapeIds")
    @SequenceGenerator(name = "shapeIds", sequenceName = "shape_ids", allocationSize = 20)
    public Long id;
    public String color;
}
