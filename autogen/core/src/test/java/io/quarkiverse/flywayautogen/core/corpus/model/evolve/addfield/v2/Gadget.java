package io.quarkiverse.flywayautogen.core.corpus.model.evolve.addfield.v2;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.ColumnDefault;

/** v1 plus two nullable fields and a NOT NULL one with a declared default. */
@Entity
public class Gadget extends PanacheStyleEntity {
    public String name;
    public String serial;
    public Integer weightGrams;
    @Column(nullable = false)
    @ColumnDefault("0")
    public int stock;
}
