package io.quarkiverse.flywayautogen.test.usermodels.panachebv;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Added to the running application by the test, after {@link Book}'s first migration: table {@code Review}. */
@Entity
public class Review extends PanacheEntity {

    @ManyToOne
    @NotNull
    @JsonIgnore
    public Book book;

    @NotBlank
    @Size(max = 500)
    public String text;

    public int stars;
}
