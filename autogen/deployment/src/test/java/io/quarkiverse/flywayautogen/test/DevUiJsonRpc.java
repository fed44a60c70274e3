package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.devui.tests.DevUIJsonRPCTest;

/**
 * The card's JSON-RPC methods called as the browser calls them, through Quarkus' own Dev UI test client
 * ({@link DevUIJsonRPCTest}, from {@code quarkus-devui-test-spi}): over Dev UI's WebSocket, through the application's
 * HTTP server, so an answer proves the application and its Dev UI are up. The client gives up, failing the test, when
 * no answer comes within about half a minute; an error answer (no result) fails the test here.
 */
final class DevUiJsonRpc {

    private static final String NAMESPACE = "quarkus-flyway-autogen";

    private DevUiJsonRpc() {
    }

    /** The method's answer: the card's state as JSON. */
    static JsonNode call(int port, String method, Map<String, String> params) throws Exception {
        JsonNode answer = new DevUIJsonRPCTest(NAMESPACE, "http://localhost:" + port)
                .executeJsonRPCMethod(method, new LinkedHashMap<String, Object>(params));
        assertNotNull(answer, () -> NAMESPACE + "_" + method + " answered no result (an error) for " + params);
        return answer;
    }
}
