package dev.petmanager.pet;

import dev.petmanager.user.CallerIdentity;
import dev.petmanager.user.OwnedResources;
import dev.petmanager.user.User;
import jakarta.enterprise.context.ApplicationScoped;

/** A user's pets, for deleting a user: a user who owns pets is deleted only with them (?cascade=true). */
@ApplicationScoped
public class PetsOfOwner implements OwnedResources {

    @Override
    public String noun() {
        return "pet(s)";
    }

    @Override
    public long countOwnedBy(User owner) {
        return Pet.countByOwner(owner);
    }

    @Override
    public void deleteOwnedBy(User owner) {
        Pet.delete("owner", owner);
    }

    @Override
    public void deleteOwnedBy(long ownerId, CallerIdentity who) {
        PetRows.deleteOwnedBy(ownerId, who);
    }
}
