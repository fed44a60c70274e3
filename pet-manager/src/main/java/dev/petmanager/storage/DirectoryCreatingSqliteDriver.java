package dev.petmanager.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The SQLite driver, plus one thing SQLite will not do: create the folder of the database file. Doing it here, at
 * the first connection of any pool, covers Flyway at boot, Hibernate, dev mode, tests and the native executable
 * alike, whatever path the configuration names. In the native executable it also hands sqlite-jdbc the JNI library
 * the executable carries ({@link EmbeddedSqliteLibrary}) before the first connection loads it.
 */
@RegisterForReflection
public class DirectoryCreatingSqliteDriver extends org.sqlite.JDBC {

    private static final String PREFIX = "jdbc:sqlite:";

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (acceptsURL(url)) {
            createParentFolder(url);
            EmbeddedSqliteLibrary.provide();
        }
        return super.connect(url, info);
    }

    static void createParentFolder(String url) throws SQLException {
        String location = url.substring(PREFIX.length());
        int query = location.indexOf('?');
        String path = query >= 0 ? location.substring(0, query) : location;
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.isEmpty() || path.startsWith(":memory:") || url.contains("mode=memory")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new SQLException("cannot create the folder " + parent + " for the SQLite database " + path, e);
            }
        }
    }
}
