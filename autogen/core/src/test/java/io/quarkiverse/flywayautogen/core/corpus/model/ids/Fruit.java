package io.quarkiverse.flywayautogen.core.corpus.model.ids;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** The Quarkus quickstart entity: PanacheEntity's default id. */
@Entity
public class Fruit extends PanacheStyleEntity {
    @Column(length = 40, unique = true)
    public String name;
    public String color;
}
