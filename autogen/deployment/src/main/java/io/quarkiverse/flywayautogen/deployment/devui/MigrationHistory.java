package io.quarkiverse.flywayautogen.deployment.devui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;


import io.quarkiverse.flywayautogen.core.render.GeneratedMigrations;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import io.quarkiverse.flywayautogen.deployment.DevDatabaseServer;
import io.quarkiverse.flywayautogen.deployment.TargetDatasource;

/**
 * The migrations folder next to what the dev database's Flyway history says of each file: applied, failed or
 * pending, and which one is the draft, the newest file when the generator wrote it and git has not committed it
 * yet (still safe to regenerate or delete). Read on every request of the card: files, history and git all change
 * behind dev mode's back.
 *
 * @param jdbcUrl  the dev database's URL: configured, or the one Dev Services started; empty while neither is known
 * @param table    Flyway's history table
 */
record MigrationHistory(Optional<String> jdbcUrl, Optional<String> username, Optional<String> password, String table) {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__.*\\.sql");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    /** The datasource and Flyway table the extension compares against ({@code quarkus.flyway-autogen.datasource}). */
    static MigrationHistory configured(TargetDatasource target) {
        return new MigrationHistory(TargetDatasource.runtimeValue(target.datasourceKey("jdbc.url")),
                TargetDatasource.runtimeValue(target.datasourceKey("username")),
                TargetDatasource.runtimeValue(target.datasourceKey("password")), target.historyTable());
    }

    /** The dev database wherever it is ({@link DevDatabaseServer}): configured, or started by Dev Services. */
    static MigrationHistory on(Optional<DevDatabaseServer> server, String table) {
        return new MigrationHistory(server.map(DevDatabaseServer::jdbcUrl), server.map(DevDatabaseServer::user),
                server.map(DevDatabaseServer::password), table);
    }

    /** {@code history}: one row per file, oldest first; {@code historyError}: why the states are unknown, or empty. */
    Map<String, Object> toJson(Path folder) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<String> files = migrationFiles(folder);
        Map<String, Boolean> applied = new HashMap<>();
        String error = "";
        try {
            applied = appliedScripts();
        } catch (SQLException | IllegalStateException e) {
            error = "Flyway's history is not readable: " + e.getMessage();
        }
        String draft = draft(folder, files).orElse("");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String file : files) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", file);
            row.put("version", version(file).map(MigrationVersion::toString).orElse(""));
            Boolean success = applied.get(file);
            row.put("state", !error.isEmpty() ? "unknown" : success == null ? "pending" : success ? "applied" : "failed");
            row.put("draft", file.equals(draft));
            rows.add(row);
        }
        json.put("history", rows);
        json.put("historyError", error);
        return json;
    }

    /** Versioned files by version, then repeatable ones; undo files belong to their versioned one and are left out. */
    private static List<String> migrationFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(f -> VERSIONED.matcher(f).matches() || REPEATABLE.matcher(f).matches())
                    .sorted(Comparator.comparing((String f) -> version(f).isEmpty())
                            .thenComparing(f -> version(f).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<MigrationVersion> version(String file) {
        Matcher m = VERSIONED.matcher(file);
        return m.matches() ? Optional.of(MigrationVersion.parse(m.group(1))) : Optional.empty();
    }

    /** The newest versioned file, when the generator wrote it and git has not committed it. */
    private static Optional<String> draft(Path folder, List<String> files) {
        Optional<String> newest = files.stream().filter(f -> version(f).isPresent()).reduce((a, b) -> b);
        Optional<String> generated = GeneratedMigrations.newestIn(folder).map(p -> p.getFileName().toString());
        if (newest.isEmpty() || !newest.equals(generated)) {
            return Optional.empty();
        }
        return committedInGit(folder).contains(newest.get()) ? Optional.empty() : newest;
    }

    /**
     * The file names in {@code folder} that git's HEAD holds; none when the folder is not in a repository or git is
     * not installed, so that every generated file counts as a draft until it is committed.
     */
    private static Set<String> committedInGit(Path folder) {
        try {
            Process git = new ProcessBuilder("git", "ls-tree", "--name-only", "HEAD", "--", ".")
                    .directory(folder.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Set.of();
            }
            return git.exitValue() == 0 ? out.lines().collect(Collectors.toSet()) : Set.of();
        } catch (IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    /** Script file name to success, as Flyway recorded each run; scripts in sub-folders by their file name. */
    private Map<String, Boolean> appliedScripts() throws SQLException {
        String url = jdbcUrl.orElseThrow(() -> new IllegalStateException(
                "the dev database is not known: no JDBC URL is configured for the datasource, and Dev Services started none"));
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalStateException("unexpected Flyway table name '" + table + "'");
        }
        Map<String, Boolean> applied = new HashMap<>();
        try (Connection c = connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT script, success FROM " + table)) {
            while (rs.next()) {
                String script = rs.getString(1);
                applied.merge(script.substring(script.lastIndexOf('/') + 1), rs.getBoolean(2), Boolean::logicalOr);
            }
        }
        return applied;
    }

    /**
     * Through the driver itself: {@code DriverManager} hands out only drivers the calling class's loader can see,
     * and in dev mode the application's driver is registered by another one.
     */
    private Connection connect(String url) throws SQLException {
        Properties credentials = new Properties();
        username.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
        for (ClassLoader loader : List.of(Thread.currentThread().getContextClassLoader(),
                MigrationHistory.class.getClassLoader())) {
            for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                if (driver.acceptsURL(url)) {
                    return driver.connect(url, credentials);
                }
            }
        }
        throw new SQLException("no JDBC driver for " + url);
    }
}
