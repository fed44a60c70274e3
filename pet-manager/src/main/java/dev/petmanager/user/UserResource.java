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
            return withVersion(Response.ok(), writes.execute(() -> {
                User user = find(id, who);
                ExpectedVersion.check("user", id, user.version, body.version(), ifMatch);
                apply(user, body);
                User.flush();
                return UserView.of(user);
            })).build();
        } catch (RuntimeException e) {
            throw UserEmails.refused(e, body.email());
        }
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    public Response patch(@ResourceId Long id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        CallerIdentity who = caller.identity();
        String[] patchedEmail = new String[1]; // known inside the write only
        try {
            return withVersion(Response.ok(), writes.execute(() -> {
                User user = find(id, who);
                UserInput input = patcher.patch(UserInput.of(user), patch, UserInput.class);
                patchedEmail[0] = input.email();
                ExpectedVersion.check("user", id, user.version, input.version(), ifMatch);
                apply(user, input);
                User.flush();
                return UserView.of(user);
            })).build();
        } catch (RuntimeException e) {
            throw UserEmails.refused(e, patchedEmail[0]);
        }
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@ResourceId Long id, @QueryParam("cascade") @DefaultValue("false")
            @Pattern(regexp = "true|false", message = "must be true or false") String cascade) {
        CallerIdentity who = caller.identity();
        writes.execute(() -> {
            User user = find(id, who);
            for (OwnedResources resources : owned) {
                long count = resources.countOwnedBy(user);
                if (count > 0 && !Boolean.parseBoolean(cascade)) {
                    throw ApiProblem.conflict("user " + id + " still owns " + count + " " + resources.noun()
                            + "; delete them first or repeat the request with ?cascade=true to delete them too");
                }
            }
            owned.forEach(resources -> resources.deleteOwnedBy(user));
            user.delete();
            return null;
        });
        known.forget(id);
        return Response.noContent().build();
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
