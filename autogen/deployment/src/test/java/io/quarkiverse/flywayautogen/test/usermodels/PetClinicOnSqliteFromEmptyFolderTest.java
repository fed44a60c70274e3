package io.quarkiverse.flywayautogen.test.usermodels;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/** {@link PetClinicFromEmptyFolder} on a SQLite file that does not exist yet. */
class PetClinicOnSqliteFromEmptyFolderTest extends PetClinicFromEmptyFolder {

    private static final Path DB = SqliteFile.path("petclinic.db");
    private static final int PORT = DevModeApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = clinic(() -> SqliteFile.properties(DB, PORT));

    @Override
    QuarkusDevModeTest devMode() {
        return devMode;
    }

    @Override
    Database database() {
        return Database.sqlite(DB);
    }

    @Override
    int port() {
        return PORT;
    }
}
