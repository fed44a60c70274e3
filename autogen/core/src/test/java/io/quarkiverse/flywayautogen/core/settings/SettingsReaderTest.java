package io.quarkiverse.flywayautogen.core.settings;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.render.VersionScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one settings reader, over a project's configuration read as Quarkus reads it ({@link ProjectConfig}). */
class SettingsReaderTest {

    @TempDir
    Path resources;

    private AutogenSettings read(String profiles, Map<String, String> overrides, Map<String, String> environment) {
        return SettingsReader.read(ProjectConfig.of(resources, profiles, overrides, environment));
    }

    private void properties(String... lines) throws IOException {
        Files.writeString(resources.resolve("application.properties"), String.join("\n", lines) + "\n");
    }

    @Test
    void nothingConfiguredGivesTheDefaults() {
        AutogenSettings settings = read("prod", Map.of(), Map.of());
        assertEquals(AutogenOptions.defaults().withWrite(false), settings.options());
        assertEquals(AutogenDefaults.DEFAULT_DATASOURCE, settings.datasource());
        assertTrue(settings.dbKind().isEmpty());
        assertTrue(settings.devDatabase().isEmpty());
        assertFalse(settings.allowDestructive());
        assertEquals(List.of(), settings.vendors());
    }

    @Test
    void profileKeysWinForTheirProfileAndTheLastProfileWins() throws IOException {
        properties("quarkus.datasource.db-kind=sqlite",
                "quarkus.flyway-autogen.undo=false",
                "%dev.quarkus.flyway-autogen.undo=true",
                "%dev.quarkus.flyway-autogen.version-scheme=timestamp",
                "%test.quarkus.flyway-autogen.version-scheme=increment",
                "%staging.quarkus.flyway-autogen.message=   ");
        assertFalse(read("prod", Map.of(), Map.of()).options().undo());
        assertTrue(read("dev", Map.of(), Map.of()).options().undo());
        assertEquals(VersionScheme.TIMESTAMP, read("dev", Map.of(), Map.of()).options().versionScheme());
        assertEquals(VersionScheme.INCREMENT, read("dev,test", Map.of(), Map.of()).options().versionScheme());
        assertEquals("", read("staging", Map.of(), Map.of()).options().message(), "a blank value is not set");
    }

    @Test
    void environmentVariablesAndOverridesWinOverTheFile() throws IOException {
        properties("quarkus.datasource.db-kind=sqlite", "quarkus.flyway-autogen.version-scheme=increment");
        Map<String, String> env = Map.of("QUARKUS_FLYWAY_AUTOGEN_VERSION_SCHEME", "timestamp",
                "FLYWAY_AUTOGEN_SHADOW_URL", "jdbc:postgresql://shadow:5432/postgres", "FLYWAY_AUTOGEN_SHADOW_USER", "me");
        AutogenSettings settings = read("prod", Map.of(), env);
        assertEquals(VersionScheme.TIMESTAMP, settings.options().versionScheme());
        assertEquals(Optional.of(new DevDatabase("jdbc:postgresql://shadow:5432/postgres", "me", null, true)),
                settings.devDatabase());
        assertEquals(VersionScheme.INCREMENT, read("prod",
                Map.of("quarkus.flyway-autogen.version-scheme", "increment"), env).options().versionScheme(), "-D wins");
    }

    @Test
    void yamlConfiguresTheDatasourceAndItsServerIsTheDevDatabase() throws IOException {
        Files.writeString(resources.resolve("application.yaml"), """
                quarkus:
                  datasource:
                    db-kind: postgresql
                    username: app
                    password: secret
                    jdbc:
                      url: jdbc:postgresql://localhost:5432/app
                  flyway-autogen:
                    vendors: postgresql,sqlite
                    renames:
                      - pets.name=nickname
                      - owner=person
                "%dev":
                  quarkus:
                    flyway-autogen:
                      index-foreign-keys: true
                """);
        AutogenSettings settings = read("dev", Map.of(), Map.of());
        assertEquals(Optional.of("postgresql"), settings.dbKind());
        assertEquals(Optional.of(new DevDatabase("jdbc:postgresql://localhost:5432/app", "app", "secret", false)),
                settings.devDatabase(), "not explicit: a datasource of another kind leaves a server dialect unconfigured");
        assertEquals(List.of("postgresql", "sqlite"), settings.vendors());
        assertEquals(Map.of("pets", Map.of("name", "nickname")), settings.options().renames().columns());
        assertEquals(Map.of("owner", "person"), settings.options().renames().tables());
        assertTrue(settings.options().indexForeignKeys());
        assertEquals("postgresql", settings.engine("postgresql").dialect().name());
    }

    @Test
    void expressionsAreResolvedFromTheEnvironmentOrTheirDefault() throws IOException {
        properties("quarkus.datasource.db-kind=postgresql",
                "quarkus.datasource.jdbc.url=jdbc:postgresql://${DB_HOST:localhost}:5432/app",
                "quarkus.flyway-autogen.message=${CHANGE:}add ${TABLE:things}");
        assertEquals("jdbc:postgresql://db.example:5432/app",
                read("prod", Map.of(), Map.of("DB_HOST", "db.example")).devDatabase().orElseThrow().jdbcUrl());
        assertEquals("jdbc:postgresql://localhost:5432/app", read("prod", Map.of(), Map.of()).devDatabase().orElseThrow().jdbcUrl());
        assertEquals("add things", read("prod", Map.of(), Map.of()).options().message());
    }

    @Test
    void namedDatasourceAndNamingConventionsAreRead() throws IOException {
        properties("quarkus.flyway-autogen.datasource=inventory",
                "quarkus.datasource.\"inventory\".db-kind=sqlite",
                "quarkus.datasource.\"inventory\".jdbc.url=jdbc:sqlite:inventory.db",
                "quarkus.flyway-autogen.naming-convention.index=idx_%(table)_%(cols)",
                "quarkus.flyway-autogen.allow-destructive=true");
        AutogenSettings settings = read("prod", Map.of(), Map.of());
        assertEquals(Optional.of("sqlite"), settings.dbKind());
        assertEquals("jdbc:sqlite:inventory.db", settings.devDatabase().orElseThrow().jdbcUrl());
        assertEquals("idx_%(table)_%(cols)", settings.options().naming().index());
        assertEquals(AutogenDefaults.UNIQUE_NAME, settings.options().naming().unique());
        assertTrue(settings.allowDestructive());
        assertFalse(settings.options().allowDestructive(), "the caller decides per run");
    }

    @Test
    void aMalformedSettingNamesItsKey() throws IOException {
        properties("quarkus.flyway-autogen.version-scheme=weekly");
        AutogenException e = assertThrows(AutogenException.class, () -> read("prod", Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("quarkus.flyway-autogen.version-scheme: unknown version scheme 'weekly'"), e.getMessage());
        properties("quarkus.flyway-autogen.renames=pets");
        e = assertThrows(AutogenException.class, () -> read("prod", Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("quarkus.flyway-autogen.renames: expected"), e.getMessage());
    }
}
