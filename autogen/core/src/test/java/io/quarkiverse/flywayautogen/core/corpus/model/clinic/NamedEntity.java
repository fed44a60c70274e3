package io.quarkiverse.flywayautogen.core.corpus.model.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A row known by its name: pet types, specialties, pets. NOT NULL and varchar(40) come from Bean Validation alone. */
@MappedSuperclass
public abstract class NamedEntity extends BaseEntity {
    @Column(name = "name")
    @NotBlank
    @Size(max = 40)
    public String name;
}
