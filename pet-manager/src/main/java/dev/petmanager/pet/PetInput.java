package dev.petmanager.pet;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a client may set on a pet; server-owned fields echoed back are ignored, {@code version} must match. */
@JsonIgnoreProperties({ "id", "createdAt" })
public record PetInput(
        @NotBlank @Size(max = 100) String name,
        @NotNull Species species,
        @PastOrPresent LocalDate birthDate,
        @Positive @Max(MAX_WEIGHT_GRAMS) Integer weightGrams,
        @NotNull Long ownerId,
        Long version) {

    /** Two tonnes: more than any pet, and a typo of a few zeros still gets caught. */
    static final int MAX_WEIGHT_GRAMS = 2_000_000;

    static PetInput of(Pet pet) {
        return new PetInput(pet.name, pet.species, pet.birthDate, pet.weightGrams, pet.owner.id, null);
    }
}
