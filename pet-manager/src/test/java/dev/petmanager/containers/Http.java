package dev.petmanager.containers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.petmanager.support.TestIssuer;

/**
 * Requests to a container's port published on 127.0.0.1, as the tests' admin (a bearer token from
 * {@link TestIssuer}); a refused or timed-out connection is status 0.
 */
record Http(String base) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

    record Response(int status, String body) {
        long id() {
            Matcher m = ID.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no id in " + body);
            }
            return Long.parseLong(m.group(1));
        }

        long totalItems() {
            Matcher m = TOTAL.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no totalItems in " + body);
            }
            return Long.parseLong(m.group(1));
        }
    }

    private static volatile String token;
    private static volatile long tokenMinted;

    /** The admin's token, signed again every 5 minutes (it lives 10): load loops do not sign one per request. */
    private static String adminToken() {
        if (token == null || System.nanoTime() - tokenMinted > Duration.ofMinutes(5).toNanos()) {
            token = TestIssuer.adminToken();
            tokenMinted = System.nanoTime();
        }
        return token;
    }

    static Http onLoopback(int port) {
        return new Http("http://127.0.0.1:" + port);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response createUser(String name, String email) {
        return post("/users", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            request.header("Authorization", "Bearer " + adminToken());
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "interrupted");
        }
    }

    /** Polls until GET path answers 200; the time it took, or an AssertionError with the last answer. */
    Duration awaitOk(String path, Duration deadline) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        Response last = null;
        while (System.nanoTime() < end) {
            last = get(path);
            if (last.status() == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("GET " + base + path + " gave no 200 within " + deadline + "; last: " + last);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
