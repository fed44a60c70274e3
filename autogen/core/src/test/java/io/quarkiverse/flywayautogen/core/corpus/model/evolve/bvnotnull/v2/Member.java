package io.quarkiverse.flywayautogen.core.corpus.model.evolve.bvnotnull.v2;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** v2: the nickname is required by Bean Validation only: no @Column(nullable = false). */
@Entity
public class Member extends PanacheStyleEntity {
    @NotNull
    @Size(max = 120)
    public String email;

    @NotNull
    public String nickname;
}
