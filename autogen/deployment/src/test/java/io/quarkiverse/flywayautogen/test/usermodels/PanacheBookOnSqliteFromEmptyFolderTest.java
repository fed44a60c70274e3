package io.quarkiverse.flywayautogen.test.usermodels;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/** {@link PanacheBookFromEmptyFolder} on a SQLite file that does not exist yet: tables {@code Book}, {@code Book_SEQ}. */
class PanacheBookOnSqliteFromEmptyFolderTest extends PanacheBookFromEmptyFolder {

    private static final Path DB = SqliteFile.path("panache-books.db");
    private static final int PORT = DevModeApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = books(() -> SqliteFile.properties(DB, PORT));

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

    @Override
    String table(String entity) {
        return entity;
    }
}
