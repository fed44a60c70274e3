package io.quarkiverse.flywayautogen.core.corpus.model.evolve.rename.v2;

import io.quarkiverse.flywayautogen.RenamedFrom;
import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;

/** Was the entity Crate: table Crate becomes Box, and its id sequence Crate_SEQ becomes Box_SEQ. */
@Entity
@RenamedFrom("Crate")
public class Box extends PanacheStyleEntity {
    public String label;
}
