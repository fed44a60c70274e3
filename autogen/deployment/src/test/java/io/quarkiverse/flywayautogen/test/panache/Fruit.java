package io.quarkiverse.flywayautogen.test.panache;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** The Panache quickstart's entity, Quarkus' defaults everywhere: table {@code Fruit}, ids from {@code Fruit_SEQ}. */
@Entity
public class Fruit extends PanacheEntity {

    @Column(length = 40, unique = true)
    public String name;
}
