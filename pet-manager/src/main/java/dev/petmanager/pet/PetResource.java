package dev.petmanager.pet;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.petmanager.api.problem.ApiProblem;
import dev.petmanager.api.paging.ExpectedVersion;
import dev.petmanager.api.input.MergePatcher;
import dev.petmanager.api.input.ResourceId;
import dev.petmanager.api.paging.PageRequest;
import dev.petmanager.api.paging.PageView;
import dev.petmanager.user.User;
import dev.petmanager.storage.WriteTransactions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/pets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PetResource {

    private final MergePatcher patcher;
    private final WriteTransactions writes;

    public PetResource(MergePatcher patcher, WriteTransactions writes) {
        this.patcher = patcher;
        this.writes = writes;
    }

    @GET
    public PageView<PetView> list(@BeanParam @Valid PageRequest page,
            @QueryParam("ownerId") @ResourceId Long ownerId,
            @QueryParam("species") String species,
            @QueryParam("name") String name) {
        return new PetQuery(ownerId, parseSpecies(species), name).page(page);
    }

    @GET
    @Path("/{id}")
    public Response get(@ResourceId Long id) {
        return withVersion(Response.ok(), find(id)).build();
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON request body is required") PetInput body, UriInfo uri) {
        PetView created = writes.execute(() -> {
            Pet pet = new Pet();
            pet.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            apply(pet, body);
            pet.persist();
            return PetView.of(pet);
        });
        URI location = uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build();
        return withVersion(Response.created(location), created).build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@ResourceId Long id, @Valid @NotNull(message = "a JSON request body is required") PetInput body,
            @HeaderParam("If-Match") String ifMatch) {
        return withVersion(Response.ok(), writes.execute(() -> {
            Pet pet = find(id);
            ExpectedVersion.check("pet", id, pet.version, body.version(), ifMatch);
            apply(pet, body);
            Pet.flush();
            return PetView.of(pet);
        })).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    public Response patch(@ResourceId Long id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        return withVersion(Response.ok(), writes.execute(() -> {
            Pet pet = find(id);
            PetInput input = patcher.patch(PetInput.of(pet), patch, PetInput.class);
            ExpectedVersion.check("pet", id, pet.version, input.version(), ifMatch);
            apply(pet, input);
            Pet.flush();
            return PetView.of(pet);
        })).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@ResourceId Long id) {
        writes.execute(() -> {
            find(id).delete();
            return null;
        });
        return Response.noContent().build();
    }

    private static Pet find(Long id) {
        return Pet.<Pet> findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("pet", id));
    }

    private static void apply(Pet pet, PetInput input) {
        User owner = User.<User> findByIdOptional(input.ownerId()).orElseThrow(() -> ApiProblem.conflict(
                "ownerId " + input.ownerId() + " does not reference an existing user"));
        pet.name = input.name();
        pet.species = input.species();
        pet.birthDate = input.birthDate();
        pet.weightGrams = input.weightGrams();
        pet.owner = owner;
    }

    static Species parseSpecies(String species) {
        if (species == null || species.isBlank()) {
            return null;
        }
        try {
            return Species.valueOf(species.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("species", "'" + species + "' is not one of " + java.util.List.of(Species.values()));
        }
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, Pet pet) {
        return withVersion(response, PetView.of(pet));
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, PetView pet) {
        return response.entity(pet).tag(new EntityTag(String.valueOf(pet.version())));
    }
}
