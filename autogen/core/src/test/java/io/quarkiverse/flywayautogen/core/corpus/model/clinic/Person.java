package io.quarkiverse.flywayautogen.core.corpus.model.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@MappedSuperclass
public abstract class Person extends BaseEntity {
    @Column(name = "first_name")
    @NotBlank
    @Size(max = 30)
    public String firstName;

    @Column(name = "last_name")
    @NotBlank
    @Size(max = 30)
    public String lastName;
}
