package dev.petmanager.pet;

import dev.petmanager.api.problem.ApiProblem;
import dev.petmanager.api.input.ResourceId;
import dev.petmanager.api.paging.PageRequest;
import dev.petmanager.api.paging.PageView;
import dev.petmanager.user.Caller;
import dev.petmanager.user.CallerIdentity;
import dev.petmanager.user.User;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A user's pets. The path is under {@code /users}, the resource here: pets refer to users, so the listing belongs
 * with pets and the user package does not depend on this one. The class shares {@code @Path("/users")} with the
 * users' resource, which the REST layer merges into one: a method this path lacks is a 405, as on any other path.
 */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class OwnerPetsResource {

    private final Caller caller;

    public OwnerPetsResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/{id}/pets")
    public PageView<PetView> list(@ResourceId Long id, @BeanParam @Valid PageRequest page) {
        CallerIdentity who = caller.identity();
        if (User.<User> findByIdOptional(id).filter(who::mayAccess).isEmpty()) {
            throw ApiProblem.notFound("user", id);
        }
        return new PetQuery(id, null, null, who).page(page);
    }
}
