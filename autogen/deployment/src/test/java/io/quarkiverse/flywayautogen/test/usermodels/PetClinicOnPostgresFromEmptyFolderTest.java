package io.quarkiverse.flywayautogen.test.usermodels;

import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/** {@link PetClinicFromEmptyFolder} on a PostgreSQL database created empty for the run; skipped without a server. */
@EnabledIf("io.quarkiverse.flywayautogen.test.usermodels.PostgresServer#answers")
class PetClinicOnPostgresFromEmptyFolderTest extends PetClinicFromEmptyFolder {

    private static final String DATABASE = "autogen_petclinic_test";
    private static final int PORT = DevModeApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = clinic(() -> PostgresServer.properties(DATABASE, PORT));

    @Override
    QuarkusDevModeTest devMode() {
        return devMode;
    }

    @Override
    Database database() {
        return PostgresServer.database(DATABASE);
    }

    @Override
    int port() {
        return PORT;
    }
}
