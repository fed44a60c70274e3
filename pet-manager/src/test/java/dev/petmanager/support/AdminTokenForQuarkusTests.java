package dev.petmanager.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * {@link AdminTokenByDefault} for {@code @QuarkusTest}s: those run in Quarkus' own class loader, whose RestAssured is
 * not the one a JUnit extension sees, so Quarkus' callback (META-INF/services) sets the same default there.
 */
public class AdminTokenForQuarkusTests implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        AdminTokenByDefault.useAdminToken();
    }
}
