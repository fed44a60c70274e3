package io.quarkiverse.flywayautogen.test.usermodels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A SQLite file for one test class, deleted before each start of the application: a new user's first run. */
final class SqliteFile {

    private SqliteFile() {
    }

    static Path path(String name) {
        return Path.of("target", name).toAbsolutePath();
    }

    /** The application's properties; deletes the file, so that the application starts on a new database. */
    static String properties(Path file, int port) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "quarkus.http.port=" + port + "\n"
                + "quarkus.datasource.db-kind=sqlite\n"
                + "quarkus.datasource.jdbc.url=jdbc:sqlite:" + file + "\n"
                + "quarkus.hibernate-orm.dialect=org.hibernate.community.dialect.SQLiteDialect\n"
                + "quarkus.hibernate-orm.schema-management.strategy=validate\n"
                + "quarkus.flyway.migrate-at-start=true\n";
    }
}
