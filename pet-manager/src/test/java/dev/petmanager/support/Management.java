package dev.petmanager.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.restassured.specification.RequestSpecification;

/**
 * The management interface of the service under test: health and metrics, on a port of their own, never the API's.
 * A test resource ({@link FreshDatabase}) picks a free port for each service it starts, for {@code @QuarkusTest}
 * (test-port) and for the packaged jar or native executable under {@code @QuarkusIntegrationTest} (port) alike, so the
 * tests know where to look and never collide with a running service on 9000.
 */
public final class Management {

    private static volatile int port;

    private Management() {
    }

    /** Settings that put the next started service's management interface on a free port, remembered here. */
    static Map<String, String> onAFreePort() {
        int chosen = freePort();
        port = chosen;
        return Map.of("quarkus.management.port", String.valueOf(chosen),
                "quarkus.management.test-port", String.valueOf(chosen));
    }

    /** The management port of the service the current test resource started. */
    public static int port() {
        if (port == 0) {
            throw new IllegalStateException("no test resource has chosen a management port (FreshDatabase)");
        }
        return port;
    }

    /** A REST Assured request to the management interface of the service under test. */
    public static RequestSpecification given() {
        return io.restassured.RestAssured.given().port(port());
    }

    /** A free TCP port on this machine, for a service a test starts itself. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
