package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The card's JSON-RPC methods called as the browser calls them: over Dev UI's WebSocket
 * ({@code /q/dev-ui/json-rpc-ws}), through the application's HTTP server, so an answer proves the application and its
 * Dev UI are up. The request is the one Quarkus' own Dev UI test client ({@code DevUIJsonRPCTest}, from
 * {@code quarkus-devui-test-spi}) sends; that client looks for the answer only every 3 s (a whole new Vert.x per
 * call too), which made each call here cost 3 s or more. This one takes the answer carrying the request's id the
 * moment it arrives. No answer within {@link #DEADLINE} (the other client's ten 3 s tries) fails the test; an error
 * answer (no result) fails the test too.
 */
final class DevUiJsonRpc {

    private static final String NAMESPACE = "quarkus-flyway-autogen";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private DevUiJsonRpc() {
    }

    /** The method's answer: the card's state as JSON. */
    static JsonNode call(int port, String method, Map<String, String> params) throws Exception {
        int id = IDS.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id)
                .put("method", NAMESPACE + "_" + method);
        request.set("params", JSON.valueToTree(new LinkedHashMap<String, Object>(params)));
        JsonNode answer = answer(URI.create("ws://localhost:" + port + "/q/dev-ui/json-rpc-ws"), id,
                JSON.writeValueAsString(request));
        JsonNode result = answer.path("result").get("object");
        assertNotNull(result, () -> NAMESPACE + "_" + method + " answered no result (an error) for " + params
                + ": " + answer);
        return result;
    }

    private static JsonNode answer(URI uri, int id, String request) throws Exception {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(DEADLINE).build();
        WebSocket socket = null;
        try {
            socket = client.newWebSocketBuilder().buildAsync(uri, new AnswerListener(id, answer))
                    .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            socket.sendText(request, true).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return answer.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("no answer to " + request + " from " + uri + " within " + DEADLINE, e);
        } finally {
            if (socket != null) {
                socket.abort();
            }
        }
    }

    /** Joins a message's frames; completes with the first whole message whose id is the request's. */
    private static final class AnswerListener implements WebSocket.Listener {

        private final int id;
        private final CompletableFuture<JsonNode> answer;
        private final StringBuilder frames = new StringBuilder();

        AnswerListener(int id, CompletableFuture<JsonNode> answer) {
            this.id = id;
            this.answer = answer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                String message = frames.toString();
                frames.setLength(0);
                try {
                    JsonNode node = JSON.readTree(message);
                    if (node.path("id").asInt(-1) == id) {
                        answer.complete(node);
                    }
                } catch (Exception e) {
                    answer.completeExceptionally(e);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            answer.completeExceptionally(error);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            answer.completeExceptionally(new IllegalStateException("closed before the answer: " + status + " " + reason));
            return null;
        }
    }
}
