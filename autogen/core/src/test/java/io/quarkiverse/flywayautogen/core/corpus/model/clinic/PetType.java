package io.quarkiverse.flywayautogen.core.corpus.model.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "types")
public class PetType extends NamedEntity {
}
