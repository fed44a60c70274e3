package dev.petmanager.user;

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
import dev.petmanager.storage.ConstraintFailure;
import dev.petmanager.storage.WriteTransactions;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
 * Users. An admin sees and changes every user and creates users for others; a user reaches only their own profile
 * here (it is created with {@code PUT /me}), and another user's id answers exactly as a missing one does.
 */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class UserResource {

    private final MergePatcher patcher;
    private final WriteTransactions writes;
    private final Instance<OwnedResources> owned;
    private final Caller caller;
    private final KnownUsers known;

    public UserResource(MergePatcher patcher, WriteTransactions writes, Instance<OwnedResources> owned, Caller caller,
            KnownUsers known) {
        this.patcher = patcher;
        this.writes = writes;
        this.owned = owned;
        this.caller = caller;
        this.known = known;
    }

    @GET
    public PageView<UserView> list(@BeanParam @Valid PageRequest page) {
        return new UserQuery(caller.identity()).page(page);
    }

    @GET
    @Path("/{id}")
    public Response get(@ResourceId Long id) {
        return withVersion(Response.ok(), find(id, caller.identity())).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull(message = "a JSON request body is required") UserInput body, UriInfo uri) {
        UserView created;
        try {
            created = writes.execute(() -> {
                User user = new User();
                user.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                apply(user, body);
                UserEmails.insertUnlessTaken(user);
                return UserView.of(user);
            });
        } catch (RuntimeException e) {
            throw UserEmails.refused(e, body.email());
        }
        URI location = uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build();
        return withVersion(Response.created(location), created).build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@ResourceId Long id, @Valid @NotNull(message = "a JSON request body is required") UserInput body,
            @HeaderParam("If-Match") String ifMatch) {
        CallerIdentity who = caller.identity();
        try {
            return withVersion(Response.ok(), writes.execute(() -> UserRows.cached()
                    ? replaceAfterReading(id, body, ifMatch, who)
                    : replaceInOneStatement(id, body, ifMatch, who))).build();
        } catch (RuntimeException e) {
            throw UserEmails.refused(e, body.email());
        }
    }

    /** With a second-level cache (SQLite) reading first is a lookup in memory, and Hibernate keeps the cache right. */
    private static UserView replaceAfterReading(Long id, UserInput body, String ifMatch, CallerIdentity who) {
        User user = find(id, who);
        ExpectedVersion.check("user", id, user.version, body.version(), ifMatch);
        apply(user, body);
        User.flush();
        return UserView.of(user);
    }

    /**
     * Without one (PostgreSQL) the id, the expected version and the caller's access are conditions of one UPDATE, and
     * the e-mail address's uniqueness is the constraint's; the user is read only when no row matched.
     */
    private static UserView replaceInOneStatement(Long id, UserInput body, String ifMatch, CallerIdentity who) {
        Long expected;
        try {
            expected = ExpectedVersion.expected(body.version(), ifMatch);
        } catch (ApiProblem malformedIfMatch) {
            throw whyNotChanged(id, who, null, malformedIfMatch);
        }
        return UserRows.replace(new UserRows.ById(id, who), body, expected).map(UserView::of)
                .orElseThrow(() -> whyNotChanged(id, who, expected, null));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    public Response patch(@ResourceId Long id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        CallerIdentity who = caller.identity();
        String[] patchedEmail = new String[1]; // known inside the write only
        try {
            return withVersion(Response.ok(), writes.execute(() -> UserRows.cached()
                    ? patchAfterReading(id, patch, ifMatch, who, patchedEmail)
                    : patchInOneStatement(id, patch, ifMatch, who, patchedEmail))).build();
        } catch (RuntimeException e) {
            throw UserEmails.refused(e, patchedEmail[0]);
        }
    }

    private UserView patchAfterReading(Long id, JsonNode patch, String ifMatch, CallerIdentity who, String[] patchedEmail)
            throws JsonProcessingException {
        User user = find(id, who);
        UserInput input = patcher.patch(UserInput.of(user), patch, UserInput.class);
        patchedEmail[0] = input.email();
        ExpectedVersion.check("user", id, user.version, input.version(), ifMatch);
        apply(user, input);
        User.flush();
        return UserView.of(user);
    }

    /**
     * Without a second-level cache (PostgreSQL) no read: UserInput's constraints are per field, so the patched fields
     * are validated alone (the stored ones passed already), and the UPDATE sets only their columns. A patch that names
     * no column is answered from a read, as before.
     */
    private UserView patchInOneStatement(Long id, JsonNode patch, String ifMatch, CallerIdentity who, String[] patchedEmail)
            throws JsonProcessingException {
        MergePatcher.Patched<UserInput> patched;
        try {
            patched = patcher.patchedFields(BLANK, patch, UserInput.class);
        } catch (JsonProcessingException | RuntimeException e) {
            find(id, who); // a user not there for the caller is a 404 before the patch's own faults
            throw e;
        }
        if (UserRows.COLUMNS.stream().noneMatch(column -> patched.fields().contains(column.field()))) {
            return patchAfterReading(id, patch, ifMatch, who, patchedEmail);
        }
        UserInput input = patched.value();
        patchedEmail[0] = input.email();
        Long expected;
        try {
            expected = ExpectedVersion.expected(input.version(), ifMatch);
        } catch (ApiProblem malformedIfMatch) {
            throw whyNotChanged(id, who, null, malformedIfMatch);
        }
        return UserRows.update(new UserRows.ById(id, who), input, patched.fields(), expected).map(UserView::of)
                .orElseThrow(() -> whyNotChanged(id, who, expected, null));
    }

    /** The input form with no values, onto which a patch without a read is bound. */
    private static final UserInput BLANK = new UserInput(null, null, null);

    @DELETE
    @Path("/{id}")
    public Response delete(@ResourceId Long id, @QueryParam("cascade") @DefaultValue("false")
            @Pattern(regexp = "true|false", message = "must be true or false") String cascade) {
        CallerIdentity who = caller.identity();
        boolean cascading = Boolean.parseBoolean(cascade);
        try {
            writes.execute(() -> {
                if (UserRows.cached()) {
                    deleteAfterReading(id, who, cascading);
                } else {
                    deleteInStatements(id, who, cascading);
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw stillOwns(e, id);
        }
        known.forget(id);
        return Response.noContent().build();
    }

    private void deleteAfterReading(Long id, CallerIdentity who, boolean cascading) {
        User user = find(id, who);
        for (OwnedResources resources : owned) {
            long count = resources.countOwnedBy(user);
            if (count > 0 && !cascading) {
                throw stillOwns(id, count, resources);
            }
        }
        owned.forEach(resources -> resources.deleteOwnedBy(user));
        user.delete();
    }

    /**
     * Without a second-level cache (PostgreSQL): with {@code cascade}, what the user owns goes first (only if the
     * caller reaches the user); then the user's row, whose deletion the foreign key refuses while it still owns
     * something ({@link #stillOwns}, read after the failed write). No row deleted: not there for the caller, a 404.
     */
    private void deleteInStatements(Long id, CallerIdentity who, boolean cascading) {
        if (cascading) {
            owned.forEach(resources -> resources.deleteOwnedBy(id, who));
        }
        if (!UserRows.delete(new UserRows.ById(id, who))) {
            throw ApiProblem.notFound("user", id);
        }
    }

    /**
     * The answer for a deletion the foreign key refused: the 409 saying what the user still owns, counted now, after
     * the failed write (PostgreSQL accepts nothing more in a transaction that broke a constraint); otherwise the failure.
     */
    private RuntimeException stillOwns(RuntimeException failure, Long id) {
        if (ConstraintFailure.in(failure).filter(f -> f.kind() == ConstraintFailure.Kind.FOREIGN_KEY).isEmpty()) {
            return failure;
        }
        User user = User.<User> findByIdOptional(id).orElse(null);
        if (user != null) {
            for (OwnedResources resources : owned) {
                long count = resources.countOwnedBy(user);
                if (count > 0) {
                    return stillOwns(id, count, resources);
                }
            }
        }
        return ApiProblem.conflict("user " + id + " still owns other resources; delete them first or repeat the request"
                + " with ?cascade=true to delete them too");
    }

    private static ApiProblem stillOwns(Long id, long count, OwnedResources resources) {
        return ApiProblem.conflict("user " + id + " still owns " + count + " " + resources.noun()
                + "; delete them first or repeat the request with ?cascade=true to delete them too");
    }

    /**
     * Why an update changed no row, read now (the failure path only), in the order reading first answered: a user not
     * there for the caller (404), a stale version (409), then what was refused before the statement (a malformed
     * If-Match); else the row changed between the statement and this read.
     */
    private static ApiProblem whyNotChanged(Long id, CallerIdentity who, Long expected, ApiProblem refused) {
        User user = find(id, who);
        if (expected != null && expected != user.version) {
            return ApiProblem.staleVersion("user", id, expected, user.version);
        }
        if (refused != null) {
            return refused;
        }
        return ApiProblem.conflict("the resource was changed by another request; fetch it again and retry");
    }

    /** Another user's profile is "not found" word for word, so that no answer tells which ids exist. */
    private static User find(Long id, CallerIdentity who) {
        return User.<User> findByIdOptional(id).filter(who::mayAccess)
                .orElseThrow(() -> ApiProblem.notFound("user", id));
    }

    /** Sets the user's fields; whether the e-mail address is free is the database's to say ({@link UserEmails}). */
    static void apply(User user, UserInput input) {
        user.name = input.name();
        user.email = User.normalizeEmail(input.email());
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, User user) {
        return withVersion(response, UserView.of(user));
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, UserView user) {
        return response.entity(user).tag(new EntityTag(String.valueOf(user.version())));
    }
}
