package dev.petmanager.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Every request RestAssured sends carries the test admin's bearer token unless it has its own Authorization header:
 * the suites written before sign-in test the API's behaviour, which an admin sees whole. A global filter, not a
 * default request specification, because a specification built here would freeze the port before Quarkus sets it.
 * Registered for all tests through JUnit's extension auto-detection (META-INF/services, switched on in the pom), and
 * for {@code @QuarkusTest}s, which run in Quarkus' class loader, through {@link AdminTokenForQuarkusTests}. A test of
 * authentication itself calls {@link #sendNoDefaultToken()} in its own {@code @BeforeEach}, which runs after this.
 */
public class AdminTokenByDefault implements BeforeEachCallback {

    private static volatile boolean enabled;

    private static final Filter ADD_ADMIN_TOKEN = (request, response, context) -> {
        if (enabled && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + TestIssuer.adminToken());
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        useAdminToken();
    }

    static void useAdminToken() {
        enabled = true;
        if (!RestAssured.filters().contains(ADD_ADMIN_TOKEN)) {
            RestAssured.filters(ADD_ADMIN_TOKEN);
        }
    }

    /** This test's requests go as they are written, without the admin's token. */
    public static void sendNoDefaultToken() {
        enabled = false;
    }
}
