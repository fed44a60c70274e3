package io.quarkiverse.flywayautogen.test.app;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/pets")
@Produces(MediaType.APPLICATION_JSON)
public class PetResource {

    @GET
    public List<Pet> all() {
        return Pet.listAll();
    }

    @POST
    @Path("/{name}")
    @Transactional
    public Pet add(@PathParam("name") String name) {
        Pet pet = new Pet();
        pet.name = name;
        pet.persist();
        return pet;
    }
}
