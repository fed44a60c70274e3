package dev.petmanager.pet;

import java.time.Instant;
import java.time.LocalDate;

/** A pet as the API shows it; the owner is referenced by id. */
public record PetView(Long id, String name, Species species, LocalDate birthDate, Integer weightGrams, Long ownerId,
        Instant createdAt, long version) {

    public static PetView of(Pet pet) {
        return new PetView(pet.id, pet.name, pet.species, pet.birthDate, pet.weightGrams, pet.owner.id, pet.createdAt,
                pet.version);
    }
}
