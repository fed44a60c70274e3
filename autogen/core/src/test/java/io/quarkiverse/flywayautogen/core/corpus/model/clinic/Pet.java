package io.quarkiverse.flywayautogen.core.corpus.model.clinic;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code @NotNull} on a many-to-one makes its join column NOT NULL; {@code @Min}/{@code @Max} become CHECKs; a
 * constraint Hibernate has no DDL for ({@code @PastOrPresent}) changes nothing. Visits hang off the pet by a join
 * column in their table, without a back reference.
 */
@Entity
@Table(name = "pets")
public class Pet extends NamedEntity {
    @Column(name = "birth_date")
    @PastOrPresent
    public LocalDate birthDate;

    @Column(name = "weight_kg")
    @Min(0)
    @Max(500)
    public Integer weightKg;

    @NotNull
    @ManyToOne
    @JoinColumn(name = "type_id")
    public PetType type;

    @ManyToOne
    @JoinColumn(name = "owner_id")
    public Owner owner;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "pet_id")
    @OrderBy("date ASC")
    public Set<Visit> visits = new LinkedHashSet<>();
}
