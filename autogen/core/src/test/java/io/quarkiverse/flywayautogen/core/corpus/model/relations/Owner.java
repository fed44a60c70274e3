package io.quarkiverse.flywayautogen.core.corpus.model.relations;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;

import java.util.ArrayList;
import java.util.List;

@Entity
public class Owner extends PanacheStyleEntity {
    public String name;

    @OneToMany(mappedBy = "owner")
    public List<Pet> pets = new ArrayList<>();
}
