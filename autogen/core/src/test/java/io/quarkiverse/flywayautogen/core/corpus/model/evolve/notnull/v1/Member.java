package io.quarkiverse.flywayautogen.core.corpus.model.evolve.notnull.v1;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class Member extends PanacheStyleEntity {
    @Column(nullable = false)
    public String email;
    public String nickname;
}
