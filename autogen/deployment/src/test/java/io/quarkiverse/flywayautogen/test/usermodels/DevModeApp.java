package io.quarkiverse.flywayautogen.test.usermodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkiverse.flywayautogen.testsupport.Waits;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * Driving a dev-mode application from the test: the extension's status (its Dev UI JSON-RPC method), the migrations
 * it wrote, the application's answers. Every wait has a deadline of a minute.
 */
final class DevModeApp {

    private static final Duration ANSWER_DEADLINE = Duration.ofMinutes(5);
    private static final Duration PAUSE = Duration.ofMillis(100);

    private DevModeApp() {
    }

    /**
     * Points RestAssured at the application, with deadlines: a request that triggers a reload (compare, write,
     * restart) takes a minute or two on a busy machine, none may wait forever.
     */
    static void target(int port) {
        RestAssured.port = port;
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 30_000)
                .setParam("http.socket.timeout", 300_000));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extension's status; a call during a restart (methods not registered again yet) waits for it. */
    static Map<String, Object> status() {
        return io.quarkiverse.flywayautogen.test.TestApp.invoke("status", Map.of());
    }

    static Path migrationsFolder() throws InterruptedException {
        return Path.of((String) status().get("migrationsFolder"));
    }

    /**
     * The text of migration {@code version}, asserting that the folder holds exactly that many files, the last one
     * named {@code V<version>__<what>.sql}. Waits for the file: the first one is written during the first start.
     */
    static String migration(Path folder, int version) throws IOException, InterruptedException {
        List<String> files = Waits.lastAnswer(ANSWER_DEADLINE, PAUSE, () -> files(folder), f -> f.size() >= version);
        String context = folder + " holds " + files + "; status " + status();
        assertEquals(version, files.size(), context);
        String file = files.get(version - 1);
        assertTrue(file.matches("V" + version + "__\\w+\\.sql"), context);
        return Files.readString(folder.resolve(file));
    }

    static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * GET {@code path} until it answers 200: the first start writes V1 into a folder the class path did not have,
     * so the extension restarts the application, whose port is closed meanwhile. The last answer if it never does.
     */
    static Response awaitAnswer(String path) throws InterruptedException {
        // RestAssured throws the checked ConnectException undeclared while the restart has not opened the port yet
        return Waits.lastAnswer(ANSWER_DEADLINE, PAUSE, () -> RestAssured.get(path), answer -> answer.statusCode() == 200);
    }

    /** The application started: Flyway applied the migrations and Hibernate's validation accepted the result. */
    static void assertServes(String path, Response answer) {
        assertEquals(200, answer.statusCode(), () -> "GET " + path + ": " + errorText(answer));
    }

    /** The dev-mode error page, as text and cut short: the exception is at its top. */
    static String errorText(Response answer) {
        String text = answer.asString().replaceAll("(?s)<(script|style).*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").trim();
        return answer.statusCode() + " " + text.substring(0, Math.min(text.length(), 1500));
    }
}
