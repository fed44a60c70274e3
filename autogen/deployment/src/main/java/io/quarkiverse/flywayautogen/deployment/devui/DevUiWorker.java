package io.quarkiverse.flywayautogen.deployment.devui;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Runs the card's JSON-RPC methods on a worker thread. Dev UI calls a build-time action on the Vert.x event loop
 * that read the WebSocket message, and answers a {@link CompletionStage} when it completes (Mutiny types do not
 * cross from the deployment class loader to the runtime one; the JDK's do). Generating, replaying and checking
 * the history take a second or more, far past what an event loop may be held. One thread: two clicks on the card
 * are handled one after the other, never writing the same migration twice.
 */
public final class DevUiWorker {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "flyway-autogen-dev-ui");
        thread.setDaemon(true);
        return thread;
    });

    /** The action, answered from the worker; it sees the caller's context class loader, as it would on the caller's thread. */
    <T> Function<Map<String, String>, CompletionStage<T>> offEventLoop(Function<Map<String, String>, T> action) {
        return params -> {
            ClassLoader caller = Thread.currentThread().getContextClassLoader();
            return CompletableFuture.supplyAsync(() -> {
                Thread worker = Thread.currentThread();
                ClassLoader before = worker.getContextClassLoader();
                worker.setContextClassLoader(caller);
                try {
                    return action.apply(params);
                } finally {
                    worker.setContextClassLoader(before);
                }
            }, executor);
        };
    }

    /** When dev mode ends. */
    public void shutdown() {
        executor.shutdownNow();
    }
}
