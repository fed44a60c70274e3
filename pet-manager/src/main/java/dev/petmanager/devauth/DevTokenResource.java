package dev.petmanager.devauth;

import dev.petmanager.api.problem.ApiProblem;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /dev/tokens/user} and {@code /dev/tokens/admin}: a bearer token from {@link DevIssuer}, as plain text.
 * Dev mode only; the production build has neither the route nor the class.
 */
@Path("/dev/tokens")
@IfBuildProfile("dev")
@PermitAll
public class DevTokenResource {

    private final DevIssuer issuer;

    public DevTokenResource(DevIssuer issuer) {
        this.issuer = issuer;
    }

    @GET
    @Path("/{who}")
    @Produces(MediaType.TEXT_PLAIN)
    public Response token(@PathParam("who") String who) {
        return switch (who) {
            case "user" -> Response.ok(issuer.token(false)).build();
            case "admin" -> Response.ok(issuer.token(true)).build();
            default -> throw ApiProblem.notFound("there is no dev token for '" + who + "': ask for user or admin");
        };
    }
}
