package io.quarkiverse.flywayautogen.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The card's JSON-RPC methods called as the browser calls them: over Dev UI's WebSocket, through the application's
 * HTTP server, so an answer proves the application and its Dev UI are up. A restart closes the socket, so each call
 * opens its own, as the browser reconnects; each waits at most two minutes.
 */
final class DevUiJsonRpc implements AutoCloseable {

    /** One call on a new connection. */
    static JsonNode call(int port, String method, Map<String, String> params) throws Exception {
        try (DevUiJsonRpc card = new DevUiJsonRpc(port)) {
            return card.call(method, params);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocket socket;

    DevUiJsonRpc(int port) throws Exception {
        socket = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/q/dev-ui/json-rpc-ws"), new Listener())
                .get(2, TimeUnit.MINUTES);
    }

    /** The method's answer: the card's state as JSON. */
    JsonNode call(String method, Map<String, String> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        String request = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id,
                "method", "quarkus-flyway-autogen_" + method, "params", params));
        socket.sendText(request, true).get(30, TimeUnit.SECONDS);
        JsonNode response = answer.get(2, TimeUnit.MINUTES);
        if (response.has("error")) {
            throw new AssertionError(method + " answered an error: " + response);
        }
        return response.path("result").path("object");
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    CompletableFuture<JsonNode> waiting = answers.remove(message.path("id").asInt(-1));
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (Exception e) {
                    answers.values().forEach(waiting -> waiting.completeExceptionally(e));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
