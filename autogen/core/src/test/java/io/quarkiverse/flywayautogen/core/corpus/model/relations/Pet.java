package io.quarkiverse.flywayautogen.core.corpus.model.relations;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

@Entity
public class Pet extends PanacheStyleEntity {
    public String name;

    @ManyToOne(optional = false)
    public Owner owner;
}
