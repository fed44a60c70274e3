package io.quarkiverse.flywayautogen.core.corpus.model.evolve.bvnotnull.v1;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** v1: the nickname may be left out. */
@Entity
public class Member extends PanacheStyleEntity {
    @NotNull
    @Size(max = 120)
    public String email;

    public String nickname;
}
