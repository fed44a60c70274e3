package dev.petmanager;

import java.util.List;

import dev.petmanager.api.ApiIndexResource;
import dev.petmanager.api.problem.ResourceClasses;
import dev.petmanager.pet.OwnerPetsResource;
import dev.petmanager.pet.PetResource;
import dev.petmanager.user.MeResource;
import dev.petmanager.user.UserResource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Every resource class of the API, for tables read from their annotations (the Allow header of a 405). */
@RegisterForReflection(targets = { ApiIndexResource.class, PetResource.class, OwnerPetsResource.class,
        UserResource.class, MeResource.class })
public class ApiResources {

    /** AllowedMethodsTest fails when a resource class is missing here. */
    public static final ResourceClasses ALL = new ResourceClasses(List.of(ApiIndexResource.class, PetResource.class,
            OwnerPetsResource.class, UserResource.class, MeResource.class));

    @Produces
    @Singleton
    ResourceClasses resourceClasses() {
        return ALL;
    }
}
