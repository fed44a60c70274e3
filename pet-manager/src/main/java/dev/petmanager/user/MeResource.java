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
            saved = writes.execute(() -> {
                User user = User.findBySubject(who.issuer(), who.subject()).orElse(null);
                boolean created = user == null;
                if (created) {
                    user = new User();
                    user.issuer = who.issuer();
                    user.subject = who.subject();
                    user.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                } else {
                    ExpectedVersion.check("user", user.id, user.version, body.version(), ifMatch);
                }
                UserResource.apply(user, body);
                if (created) {
                    UserEmails.insertUnlessTaken(user);
                } else {
                    User.flush();
                }
                return new Saved(UserView.of(user), created);
            });
        } catch (RuntimeException e) {
            throw UserEmails.refused(e, body.email());
        }
        Response.ResponseBuilder response = saved.created()
                ? Response.created(UriBuilder.fromPath("/users/{id}").build(saved.user().id()))
                : Response.ok();
        return withVersion(response, saved.user()).build();
    }

    private record Saved(UserView user, boolean created) {
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, UserView user) {
        return response.entity(user).tag(new EntityTag(String.valueOf(user.version())));
    }
}
