package dev.petmanager.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The entry point of the API: where the collections and the docs are. Touches no database. Health and metrics are
 * not linked: they are on the management interface's port, not this one.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ApiIndexResource {

    public record ApiIndex(String name, Map<String, String> links) {
    }

    private static final ApiIndex INDEX = new ApiIndex("Pet Manager", Map.of(
            "users", "/users",
            "pets", "/pets",
            "openapi", "/q/openapi",
            "swagger-ui", "/q/swagger-ui"));

    @GET
    public ApiIndex index() {
        return INDEX;
    }
}
