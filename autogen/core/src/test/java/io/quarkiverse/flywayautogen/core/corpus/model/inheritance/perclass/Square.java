package io.quarkiverse.flywayautogen.core.corpus.model.inheritance.perclass;

import jakarta.persistence.Entity;

@Entity
public class Square extends Shape {
    public double side;
}
