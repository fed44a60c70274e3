package io.quarkiverse.flywayautogen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.quarkiverse.flywayautogen.core.AutogenException;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals read application.properties as the Quarkus build does: its configuration profile, then -D overrides. */
class ProjectSettingsTest {

    @TempDir
    Path project;

    private ProjectSettings read(String file, Properties overrides, String profile) throws Exception {
        Path properties = project.resolve("application.properties");
        Files.writeString(properties, file);
        return ProjectSettings.read(properties, overrides, profile);
    }

    private static final String TWO_DATABASES = """
            quarkus.datasource.db-kind=sqlite
            quarkus.flyway.locations=db/migration/sqlite
            quarkus.flyway-autogen.vendors=sqlite,postgresql
            %prod.quarkus.flyway-autogen.undo=true
            %postgresql.quarkus.datasource.db-kind=postgresql
            %postgresql.quarkus.flyway.locations=db/migration/postgresql
            %postgresql.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/petmanager
            quarkus.hibernate-orm.dialect=org.hibernate.community.dialect.SQLiteDialect
            %postgresql.quarkus.hibernate-orm.dialect=
            """;

    @Test
    void theBuildsProfileIsAppliedProdByDefault() throws Exception {
        Path resources = project.resolve("src/main/resources");
        ProjectSettings prod = read(TWO_DATABASES, new Properties(), "prod");
        assertEquals("sqlite", prod.dbKind());
        assertEquals(resources.resolve("db/migration/sqlite"), prod.migrationsFolder(project, resources));
        assertTrue(prod.options().undo(), "%prod. keys apply to a prod build");
        assertEquals(List.of("sqlite", "postgresql"), prod.vendors());

        ProjectSettings postgresql = read(TWO_DATABASES, new Properties(), "postgresql");
        assertEquals("postgresql", postgresql.dbKind());
        assertEquals(resources.resolve("db/migration/postgresql"), postgresql.migrationsFolder(project, resources));
        assertFalse(postgresql.options().undo());
        assertTrue(postgresql.value("quarkus.hibernate-orm.dialect").isEmpty(), "an empty profile value unsets the key");
        assertTrue(postgresql.shadowServer().isPresent(), "the datasource's own server hosts the shadow databases");
    }

    @Test
    void commandLinePropertiesWinTheirProfileIncluded() throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("quarkus.profile", "postgresql");
        overrides.setProperty("quarkus.flyway.locations", "db/other");
        ProjectSettings settings = read(TWO_DATABASES, overrides, "prod");
        assertEquals("postgresql", settings.dbKind());
        assertEquals(project.resolve("res/db/other"), settings.migrationsFolder(project, project.resolve("res")));
    }

    @Test
    void flywaysVendorPlaceholderIsFilledInWithTheDbKind() throws Exception {
        ProjectSettings settings = read("quarkus.datasource.db-kind=sqlite\nquarkus.flyway.locations=classpath:db/{vendor}\n",
                new Properties(), "prod");
        assertEquals(project.resolve("res/db/sqlite"), settings.migrationsFolder(project, project.resolve("res")));
    }

    @Test
    void indexForeignKeysIsReadLikeTheQuarkusBuildReadsIt() throws Exception {
        String file = "quarkus.datasource.db-kind=sqlite\n%prod.quarkus.flyway-autogen.index-foreign-keys=true\n";
        assertFalse(read("quarkus.datasource.db-kind=sqlite\n", new Properties(), "prod").options().indexForeignKeys(),
                "off unless asked");
        assertTrue(read(file, new Properties(), "prod").options().indexForeignKeys());
        assertFalse(read(file, new Properties(), "dev").options().indexForeignKeys(), "another profile's key");
        Properties overrides = new Properties();
        overrides.setProperty("quarkus.flyway-autogen.index-foreign-keys", "false");
        assertFalse(read(file, overrides, "prod").options().indexForeignKeys(), "-D wins");
    }

    @Test
    void beanValidationConstraintsAreOnUnlessValidationIsDisabledOrLeftToCallbacks() throws Exception {
        assertTrue(read("quarkus.datasource.db-kind=sqlite\n", new Properties(), "prod").beanValidationDdl(), "Quarkus' default");
        assertFalse(read("quarkus.hibernate-orm.validation.enabled=false\n", new Properties(), "prod").beanValidationDdl());
        assertFalse(read("quarkus.hibernate-orm.validation.mode=callback\n", new Properties(), "prod").beanValidationDdl());
        assertTrue(read("quarkus.hibernate-orm.validation.mode=callback,ddl\n", new Properties(), "prod").beanValidationDdl());
        assertFalse(read("%prod.quarkus.hibernate-orm.validation.enabled=false\n", new Properties(), "prod").beanValidationDdl(),
                "the build's profile applies");
    }

    private static Artifact dependency(String group, String artifact) {
        return new DefaultArtifact(group, artifact, "3.33.2", "compile", "jar", null,
                new DefaultArtifactHandler("jar"));
    }

    @Test
    void aDatasourceWithoutDbKindGetsTheKindOfTheOnlyJdbcExtensionAsQuarkusInfersIt() throws Exception {
        Path properties = project.resolve("application.properties");
        Files.writeString(properties, "quarkus.hibernate-orm.log.sql=true\n");
        JdbcExtensions postgresql = JdbcExtensions.of(List.of(dependency("io.quarkus", "quarkus-hibernate-orm-panache"),
                dependency("io.quarkus", "quarkus-jdbc-postgresql"), dependency("org.postgresql", "postgresql")));
        assertEquals("postgresql", ProjectSettings.read(properties, new Properties(), "prod", postgresql).dbKind());
        JdbcExtensions sqlite = JdbcExtensions.of(List.of(dependency("io.quarkiverse.jdbc", "quarkus-jdbc-sqlite")));
        assertEquals("sqlite", ProjectSettings.read(properties, new Properties(), "prod", sqlite).dbKind());

        JdbcExtensions two = JdbcExtensions.of(List.of(dependency("io.quarkus", "quarkus-jdbc-postgresql"),
                dependency("io.quarkus", "quarkus-jdbc-h2")));
        AutogenException several = assertThrows(AutogenException.class,
                () -> ProjectSettings.read(properties, new Properties(), "prod", two).dbKind());
        assertTrue(several.getMessage().contains("quarkus.datasource.db-kind is not set")
                && several.getMessage().contains("several Quarkus JDBC extensions (h2, postgresql)"), several.getMessage());
        AutogenException none = assertThrows(AutogenException.class,
                () -> ProjectSettings.read(properties, new Properties(), "prod", JdbcExtensions.none()).dbKind());
        assertTrue(none.getMessage().contains("no Quarkus JDBC extension"), none.getMessage());

        Files.writeString(properties, "quarkus.datasource.db-kind=sqlite\n");
        assertEquals("sqlite", ProjectSettings.read(properties, new Properties(), "prod", postgresql).dbKind(),
                "a configured db-kind wins over the inference");
    }
}
