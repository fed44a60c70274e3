package io.quarkiverse.flywayautogen.core.corpus.model.clinic;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;

import java.util.ArrayList;
import java.util.List;

/** {@code @Digits} on a String: Hibernate sets precision and scale on a varchar column, which its DDL ignores. */
@Entity
@Table(name = "owners")
public class Owner extends Person {
    @NotBlank
    public String address;

    @NotBlank
    public String city;

    @NotBlank
    @Digits(fraction = 0, integer = 10)
    public String telephone;

    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL)
    @OrderBy("name")
    public List<Pet> pets = new ArrayList<>();
}
