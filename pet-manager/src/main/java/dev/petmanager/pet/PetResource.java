package dev.petmanager.pet;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.petmanager.api.problem.ApiProblem;
import dev.petmanager.api.paging.ExpectedVersion;
import dev.petmanager.api.input.MergePatcher;
import dev.petmanager.api.input.ResourceId;
import dev.petmanager.api.paging.PageRequest;
import dev.petmanager.api.paging.PageView;
import dev.petmanager.user.Caller;
import dev.petmanager.user.CallerIdentity;
import dev.petmanager.user.KnownUsers;
import dev.petmanager.user.User;
import dev.petmanager.storage.ConstraintFailure;
import io.quarkus.security.Authenticated;
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

/**
 * Pets. A user sees and changes only their own pets, and creates pets only for themselves; an admin reaches every
 * pet. Another user's pet answers exactly as a missing one does.
 */
@Path("/pets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class PetResource {

    private final MergePatcher patcher;
    private final WriteTransactions writes;
    private final Caller caller;
    private final KnownUsers users;
    private final PetViews views;

    public PetResource(MergePatcher patcher, WriteTransactions writes, Caller caller, KnownUsers users, PetViews views) {
        this.patcher = patcher;
        this.writes = writes;
        this.caller = caller;
        this.users = users;
        this.views = views;
    }

    @GET
    public PageView<PetView> list(@BeanParam @Valid PageRequest page,
            @QueryParam("ownerId") @ResourceId Long ownerId,
            @QueryParam("species") String species,
            @QueryParam("name") String name) {
        return new PetQuery(ownerId, parseSpecies(species), name, caller.identity()).page(page);
    }

    @GET
    @Path("/{id}")
    public Response get(@ResourceId Long id) {
        CallerIdentity who = caller.identity();
        PetView pet = views.find(id, () -> Pet.<Pet> findByIdOptional(id).map(PetView::of))
                .filter(view -> reachable(view.ownerId(), who))
                .orElseThrow(() -> ApiProblem.notFound("pet", id));
        return withVersion(Response.ok(), pet).build();
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON request body is required") PetInput body, UriInfo uri) {
        CallerIdentity who = caller.identity();
        PetView created = writes.execute(() -> {
            Pet pet = new Pet();
            pet.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            apply(pet, body, who);
            try {
                pet.persist(); // an identity column: the INSERT runs here
            } catch (RuntimeException e) {
                throw ownerRefused(e, body.ownerId(), who);
            }
            return PetView.of(pet);
        });
        URI location = uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build();
        return withVersion(Response.created(location), created).build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@ResourceId Long id, @Valid @NotNull(message = "a JSON request body is required") PetInput body,
            @HeaderParam("If-Match") String ifMatch) {
        CallerIdentity who = caller.identity();
        return withVersion(Response.ok(), writes.execute(() -> PetRows.cached()
                ? replaceAfterReading(id, body, ifMatch, who)
                : replaceInOneStatement(id, body, ifMatch, who))).build();
    }

    /**
     * With a second-level cache (SQLite: one process owns the file) reading the pet first is a lookup in memory, and
     * Hibernate's own update keeps the cached copy right.
     */
    private PetView replaceAfterReading(Long id, PetInput body, String ifMatch, CallerIdentity who) {
        Pet pet = find(id, who);
        ExpectedVersion.check("pet", id, pet.version, body.version(), ifMatch);
        apply(pet, body, who);
        try {
            Pet.flush();
        } catch (RuntimeException e) {
            throw ownerRefused(e, body.ownerId(), who);
        }
        return PetView.of(pet);
    }

    /** Without one (PostgreSQL) the version and the caller's ownership are conditions of the one UPDATE. */
    private PetView replaceInOneStatement(Long id, PetInput body, String ifMatch, CallerIdentity who) {
        Long expected = null;
        ApiProblem refused = null;
        try {
            expected = ExpectedVersion.expected(body.version(), ifMatch);
            checkedOwner(body.ownerId(), who);
        } catch (ApiProblem problem) {
            refused = problem; // answered only if the pet is there for the caller, as reading first answered
        }
        if (refused == null) {
            try {
                Optional<Pet> replaced = PetRows.replace(id, body, expected, who);
                if (replaced.isPresent()) {
                    return PetView.of(replaced.get());
                }
            } catch (RuntimeException e) {
                throw ownerRefused(e, body.ownerId(), who);
            }
        }
        throw whyNotChanged(id, who, expected, refused);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    public Response patch(@ResourceId Long id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        CallerIdentity who = caller.identity();
        return withVersion(Response.ok(), writes.execute(() -> PetRows.cached()
                ? patchAfterReading(id, patch, ifMatch, who)
                : patchInOneStatement(id, patch, ifMatch, who))).build();
    }

    /** With a second-level cache (SQLite), as {@link #replaceAfterReading}: the merge patch onto the pet read first. */
    private PetView patchAfterReading(Long id, JsonNode patch, String ifMatch, CallerIdentity who) throws JsonProcessingException {
        Pet pet = find(id, who);
        PetInput input = patcher.patch(PetInput.of(pet), patch, PetInput.class);
        ExpectedVersion.check("pet", id, pet.version, input.version(), ifMatch);
        apply(pet, input, who);
        try {
            Pet.flush();
        } catch (RuntimeException e) {
            throw ownerRefused(e, input.ownerId(), who);
        }
        return PetView.of(pet);
    }

    /**
     * Without one (PostgreSQL) the patch needs no read: PetInput's constraints are per field (none spans fields), and
     * a stored pet passed them all, so validating the patched fields alone answers as validating the merged pet did;
     * the UPDATE sets the patched columns only. A patch that names no column (only a version, or nothing) changes
     * nothing, and is answered from a read as before.
     */
    private PetView patchInOneStatement(Long id, JsonNode patch, String ifMatch, CallerIdentity who) throws JsonProcessingException {
        MergePatcher.Patched<PetInput> patched;
        try {
            patched = patcher.patchedFields(BLANK, patch, PetInput.class);
        } catch (JsonProcessingException | RuntimeException e) {
            find(id, who); // a pet that is not there for the caller is a 404 before the patch's own faults, as reading first answered
            throw e;
        }
        PetInput input = patched.value();
        if (PetRows.COLUMNS.stream().noneMatch(column -> patched.fields().contains(column.field()))) {
            return patchAfterReading(id, patch, ifMatch, who);
        }
        Long expected = null;
        ApiProblem refused = null;
        try {
            expected = ExpectedVersion.expected(input.version(), ifMatch);
            if (patched.fields().contains("ownerId")) {
                checkedOwner(input.ownerId(), who);
            }
        } catch (ApiProblem problem) {
            refused = problem;
        }
        if (refused == null) {
            try {
                Optional<Pet> updated = PetRows.update(id, input, patched.fields(), expected, who);
                if (updated.isPresent()) {
                    return PetView.of(updated.get());
                }
            } catch (RuntimeException e) {
                throw ownerRefused(e, input.ownerId(), who);
            }
        }
        throw whyNotChanged(id, who, expected, refused);
    }

    /** The input form with no values: a patch without a read is bound onto it, so its fields keep their order. */
    private static final PetInput BLANK = new PetInput(null, null, null, null, null, null);

    @DELETE
    @Path("/{id}")
    public Response delete(@ResourceId Long id) {
        CallerIdentity who = caller.identity();
        writes.execute(() -> {
            if (PetRows.cached()) {
                find(id, who).delete(); // a lookup in memory; Hibernate's delete keeps the cache right
            } else if (!PetRows.delete(id, who)) {
                throw ApiProblem.notFound("pet", id);
            }
            return null;
        });
        return Response.noContent().build();
    }

    /** Another user's pet is "not found" word for word, so that no answer tells which ids exist. */
    private Pet find(Long id, CallerIdentity who) {
        // the owner's id is in the pet's row; whose it is, is remembered (KnownUsers) rather than read each time
        return Pet.<Pet> findByIdOptional(id)
                .filter(pet -> reachable(pet.owner.id, who))
                .orElseThrow(() -> ApiProblem.notFound("pet", id));
    }

    /** Whether {@code who} reaches a pet of owner {@code ownerId}: an admin every pet, a user their own. */
    private boolean reachable(Long ownerId, CallerIdentity who) {
        return who.admin() || users.find(ownerId).filter(owner -> owner.belongsTo(who)).isPresent();
    }

    /**
     * Why a replacement changed no row, read now (the failure path only), in the order reading first answered: a pet
     * that is not there for the caller (404), a stale version (409), then what was refused before the statement (a
     * malformed If-Match, an owner not the caller's); else the row changed between the statement and this read.
     */
    private ApiProblem whyNotChanged(Long id, CallerIdentity who, Long expected, ApiProblem refused) {
        Pet pet = find(id, who);
        if (expected != null && expected != pet.version) {
            return ApiProblem.staleVersion("pet", id, expected, pet.version);
        }
        if (refused != null) {
            return refused;
        }
        return ApiProblem.conflict("the resource was changed by another request; fetch it again and retry");
    }

    /**
     * Sets the pet's fields. The owner's row is not read: whether it exists and whose it is are remembered
     * ({@link KnownUsers}), and the foreign key checks again when the change is stored ({@link #ownerRefused}), for a
     * row another replica deleted meanwhile.
     */
    private void apply(Pet pet, PetInput input, CallerIdentity who) {
        KnownUsers.Known owner = checkedOwner(input.ownerId(), who);
        pet.name = input.name();
        pet.species = input.species();
        pet.birthDate = input.birthDate();
        pet.weightGrams = input.weightGrams();
        if (pet.owner == null || !pet.owner.id.equals(owner.id())) {
            pet.owner = Pet.getEntityManager().getReference(User.class, owner.id());
        }
    }

    /** The owner {@code who} may give a pet: a user only themselves (403 otherwise), an admin any existing user. */
    private KnownUsers.Known checkedOwner(Long ownerId, CallerIdentity who) {
        KnownUsers.Known owner = users.find(ownerId).orElse(null);
        if (!who.admin() && (owner == null || !owner.belongsTo(who))) {
            // The same answer whether that user exists or not.
            throw notYourOwn();
        }
        if (owner == null) {
            throw missingOwner(ownerId);
        }
        return owner;
    }

    /**
     * The answer for a store that failed: when the foreign key refused the owner (deleted meanwhile), what reading the
     * owner would have answered (an admin's 409, a user's 403); otherwise the failure itself.
     */
    private RuntimeException ownerRefused(RuntimeException failure, Long ownerId, CallerIdentity who) {
        if (ConstraintFailure.in(failure).filter(f -> f.kind() == ConstraintFailure.Kind.FOREIGN_KEY).isEmpty()) {
            return failure;
        }
        users.forget(ownerId);
        return who.admin() ? missingOwner(ownerId) : notYourOwn();
    }

    private static ApiProblem missingOwner(Long ownerId) {
        return ApiProblem.conflict("ownerId " + ownerId + " does not reference an existing user");
    }

    private static ApiProblem notYourOwn() {
        return ApiProblem.forbidden("a user's pets are owned by that user: ownerId must be your own user id"
                + " (GET /me); only an admin sets another owner");
    }

    /** A filter, not a stored value: surrounding spaces are forgiven here, unlike in a body. */
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
