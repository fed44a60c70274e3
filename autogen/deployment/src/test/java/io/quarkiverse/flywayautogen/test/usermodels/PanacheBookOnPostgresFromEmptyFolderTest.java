package io.quarkiverse.flywayautogen.test.usermodels;

import java.util.Locale;

import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * {@link PanacheBookFromEmptyFolder} on a PostgreSQL database created empty for the run: tables {@code book} and
 * {@code review}, sequences {@code book_seq} and {@code review_seq}. Skipped without a server.
 */
@EnabledIf("io.quarkiverse.flywayautogen.test.usermodels.PostgresServer#answers")
class PanacheBookOnPostgresFromEmptyFolderTest extends PanacheBookFromEmptyFolder {

    private static final String DATABASE = "autogen_panache_books_test";
    private static final int PORT = DevModeApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = books(() -> PostgresServer.properties(DATABASE, PORT));

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

    @Override
    String table(String entity) {
        return entity.toLowerCase(Locale.ROOT);
    }
}
