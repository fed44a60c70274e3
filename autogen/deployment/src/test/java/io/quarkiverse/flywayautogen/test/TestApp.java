package io.quarkiverse.flywayautogen.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkiverse.flywayautogen.test.app.PetResource;
import io.quarkiverse.flywayautogen.testsupport.Waits;
import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.test.QuarkusDevModeTest;

/** The small Panache application every test builds: one entity, one resource, SQLite, Flyway. */
public final class TestApp {

    static final Path V1 = Path.of("src/test/resources/migrations/v1/V1__create_pets.sql");

    private TestApp() {
    }

    static JavaArchive withPets(JavaArchive jar, Path database, String extraProperties) {
        return jar.addClasses(Pet.class, PetResource.class)
                .addAsResource(V1.toFile(), "db/migration/V1__create_pets.sql")
                .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(properties(database) + extraProperties),
                        "application.properties");
    }

    /** A dev-mode application on its own port and a database file that does not exist yet. */
    static QuarkusDevModeTest devMode(Path database, int port, String extraProperties) {
        return new QuarkusDevModeTest().withApplicationRoot(jar -> {
            try {
                Files.deleteIfExists(database);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            withPets(jar, database, "quarkus.http.port=" + port + "\n" + extraProperties);
        });
    }

    /**
     * Calls a JSON-RPC method of the Dev UI card as the Dev UI does: {@code <extension>_<method>}. Each restart
     * registers the methods again, so a call that lands while one is under way (after the first migration of an
     * empty folder, slow on a busy machine) waits for it, at most a minute.
     */
    public static Map<String, Object> invoke(String method, Map<String, String> params) {
        Object answer = org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .pollDelay(Duration.ZERO).ignoreException(java.util.NoSuchElementException.class)
                .until(() -> java.util.Optional.ofNullable(
                        DevConsoleManager.invoke("quarkus-flyway-autogen_" + method, params)), registered -> true)
                .orElse(null);
        return answer instanceof java.util.concurrent.CompletionStage<?> later ? completed(later) : cast(answer);
    }

    /** The card's methods answer from a worker thread, as Dev UI awaits them: at most two minutes. */
    private static Map<String, Object> completed(java.util.concurrent.CompletionStage<?> later) {
        try {
            return cast(later.toCompletableFuture().get(2, java.util.concurrent.TimeUnit.MINUTES));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object answer) {
        return (Map<String, Object>) answer;
    }

    /** The file names in a migrations folder, sorted. */
    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * GET {@code path} until it answers 200, at most a minute: the application restarts after the first migration
     * (a brand-new folder), and the port is closed meanwhile. The last answer when it never does.
     */
    static io.restassured.response.Response awaitAnswer(String path) throws InterruptedException {
        // RestAssured rethrows ConnectException unchecked while the restart has not opened the port yet
        return Waits.lastAnswer(Duration.ofMinutes(1), Duration.ofMillis(100), () -> io.restassured.RestAssured.get(path),
                answer -> answer.statusCode() == 200);
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
                + "quarkus.log.category.\"io.quarkiverse.flywayautogen\".level=INFO\n";
    }
}
