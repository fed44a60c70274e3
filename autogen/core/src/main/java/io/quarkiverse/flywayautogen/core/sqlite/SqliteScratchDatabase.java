package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throw-away SQLite file in its own temp directory. The engine never touches a live database: migrations are
 * replayed and scripts are tried out on these. Connections are opened with {@code foreign_keys=on} because that is
 * how the application runs, and the generated scripts must be correct under it.
 */
public final class SqliteScratchDatabase implements ScratchDatabase {

    private final Path directory;
    private final Path file;

    private SqliteScratchDatabase(Path directory, Path file) {
        this.directory = directory;
        this.file = file;
    }

    public static SqliteScratchDatabase create(String purpose) {
        try {
            Path dir = Files.createTempDirectory("flyway-autogen-" + purpose + "-");
            return new SqliteScratchDatabase(dir, dir.resolve(purpose + ".db"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch database directory", e);
        }
    }

    /** A new scratch database holding a byte copy of this one (taken while no connection is open). */
    @Override
    public SqliteScratchDatabase copy(String purpose) {
        SqliteScratchDatabase target = create(purpose);
        try {
            Files.copy(file, target.file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            target.close();
            throw new UncheckedIOException("cannot copy scratch database " + file, e);
        }
        return target;
    }

    public Path file() {
        return file;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl(file);
    }

    @Override
    public String user() {
        return null;
    }

    @Override
    public String password() {
        return null;
    }

    /**
     * {@code synchronous=off}: a throw-away file need not survive a power cut, and without it every commit waits for
     * the disk (the self-check commits once per sample entity: a thousand waits in a large application).
     */
    public static String jdbcUrl(Path dbFile) {
        return "jdbc:sqlite:" + dbFile.toAbsolutePath() + "?foreign_keys=on&synchronous=off";
    }

    @Override
    public Connection connect() {
        return connect(file);
    }

    public static Connection connect(Path dbFile) {
        try {
            return DriverManager.getConnection(jdbcUrl(dbFile));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open SQLite database " + dbFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Temp files only; the OS cleans the temp dir eventually.
        }
    }
}
