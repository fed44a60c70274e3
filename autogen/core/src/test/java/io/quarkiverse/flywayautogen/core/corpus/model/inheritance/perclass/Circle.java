package io.quarkiverse.flywayautogen.core.corpus.model.inheritance.perclass;

import jakarta.persistence.Entity;

@Entity
public class Circle extends Shape {
    public double radius;
}
