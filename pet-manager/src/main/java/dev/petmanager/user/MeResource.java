package dev.petmanager.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.petmanager.api.paging.ExpectedVersion;
import dev.petmanager.api.problem.ApiProblem;
import dev.petmanager.storage.WriteTransactions;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * The caller's own profile: the user row tied to the token's issuer and subject. A new subject's first {@code PUT}
 * creates it (201); later ones replace its name and e-mail (200), as {@code PUT /users/{id}} would.
 */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private final WriteTransactions writes;
    private final Caller caller;

    public MeResource(WriteTransactions writes, Caller caller) {
        this.writes = writes;
        this.caller = caller;
    }

    @GET
    public Response get() {
        CallerIdentity who = caller.identity();
        User user = User.findBySubject(who.issuer(), who.subject()).orElseThrow(() -> ApiProblem.notFound(
                "there is no profile for this subject yet; create it with PUT /me"));
        return withVersion(Response.ok(), UserView.of(user)).build();
    }

    @PUT
    public Response put(@Valid @NotNull(message = "a JSON request body is required") UserInput body,
            @HeaderParam("If-Match") String ifMatch) {
        CallerIdentity who = caller.identity();
        Saved saved;
        try {
            saved = writes.execute(() -> UserRows.cached() ? putAfterReading(who, body, ifMatch) : putWithoutReading(who, body, ifMatch));
        } catch (RuntimeException e) {
            throw UserEmails.refused(e, body.email());
        }
        Response.ResponseBuilder response = saved.created()
                ? Response.created(UriBuilder.fromPath("/users/{id}").build(saved.user().id()))
                : Response.ok();
        return withVersion(response, saved.user()).build();
    }

    /** With a second-level cache (SQLite): the profile read first (by subject), then created or replaced. */
    private static Saved putAfterReading(CallerIdentity who, UserInput body, String ifMatch) {
        User user = User.findBySubject(who.issuer(), who.subject()).orElse(null);
        if (user == null) {
            return create(who, body);
        }
        ExpectedVersion.check("user", user.id, user.version, body.version(), ifMatch);
        UserResource.apply(user, body);
        User.flush();
        return new Saved(UserView.of(user), false);
    }

    /**
     * Without one (PostgreSQL): the profile is replaced by one UPDATE whose conditions are the token's issuer and
     * subject and the expected version; only when no row matched is it read, to tell a new subject (created, 201; no
     * version to check, as before) from a stale version (409) or a malformed If-Match (400).
     */
    private static Saved putWithoutReading(CallerIdentity who, UserInput body, String ifMatch) {
        Long expected = null;
        ApiProblem refused = null;
        try {
            expected = ExpectedVersion.expected(body.version(), ifMatch);
        } catch (ApiProblem malformedIfMatch) {
            refused = malformedIfMatch;
        }
        if (refused == null) {
            var replaced = UserRows.replace(new UserRows.OfCaller(who), body, expected);
            if (replaced.isPresent()) {
                return new Saved(UserView.of(replaced.get()), false);
            }
            if (expected == null) {
                return create(who, body); // no row for this subject (a concurrent first PUT: the unique constraint's)
            }
        }
        User user = User.findBySubject(who.issuer(), who.subject()).orElse(null);
        if (user == null) {
            return create(who, body);
        }
        if (expected != null && expected != user.version) {
            throw ApiProblem.staleVersion("user", user.id, expected, user.version);
        }
        throw refused != null ? refused
                : ApiProblem.conflict("the resource was changed by another request; fetch it again and retry");
    }

    private static Saved create(CallerIdentity who, UserInput body) {
        User user = new User();
        user.issuer = who.issuer();
        user.subject = who.subject();
        user.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UserResource.apply(user, body);
        UserEmails.insertUnlessTaken(user);
        return new Saved(UserView.of(user), true);
    }

    private record Saved(UserView user, boolean created) {
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, UserView user) {
        return response.entity(user).tag(new EntityTag(String.valueOf(user.version())));
    }
}
