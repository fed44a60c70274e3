package dev.flywayautogen.quarkus.test;

import java.nio.file.Path;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import dev.flywayautogen.quarkus.test.app.Pet;
import dev.flywayautogen.quarkus.test.app.PetResource;

/** The small Panache application every test builds: one entity, one resource, SQLite, Flyway. */
final class TestApp {

    static final Path V1 = Path.of("src/test/resources/migrations/v1/V1__create_pets.sql");

    private TestApp() {
    }

    static JavaArchive withPets(JavaArchive jar, Path database, String extraProperties) {
        return jar.addClasses(Pet.class, PetResource.class)
                .addAsResource(V1.toFile(), "db/migration/V1__create_pets.sql")
                .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(properties(database) + extraProperties),
                        "application.properties");
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String properties(Path database) {
        return "quarkus.datasource.db-kind=sqlite\n"
                + "quarkus.datasource.jdbc.driver=org.sqlite.JDBC\n"
                + "quarkus.datasource.jdbc.url=jdbc:sqlite:" + database.toAbsolutePath() + "\n"
                + "quarkus.flyway.migrate-at-start=true\n"
                + "quarkus.hibernate-orm.schema-management.strategy=none\n"
                + "quarkus.hibernate-orm.dialect=org.hibernate.community.dialect.SQLiteDialect\n"
                + "quarkus.log.category.\"dev.flywayautogen\".level=INFO\n";
    }
}
