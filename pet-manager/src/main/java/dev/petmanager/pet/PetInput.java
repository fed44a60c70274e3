package dev.petmanager.pet;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** What a client may set on a pet; server-owned fields echoed back are ignored, {@code version} must match. */
@JsonIgnoreProperties({ "id", "createdAt" })
public record PetInput(
        @NotBlank @Size(max = 100) String name,
        @NotNull Species species,
        @PastOrPresent LocalDate birthDate,
        @NotNull Long ownerId,
        Long version) {

    static PetInput of(Pet pet) {
        return new PetInput(pet.name, pet.species, pet.birthDate, pet.owner.id, null);
    }
}
