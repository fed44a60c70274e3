package io.quarkiverse.flywayautogen.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkus.devui.spi.buildtime.BuildTimeActionBuildItem;

/**
 * The JSON-RPC methods of the card's "Migration history" page. Build-time actions, like the card's others: they run
 * in the deployment class loader on the dev database directly, so they answer while the application is down because
 * its Flyway refused the history. Each answers with the history checked again.
 */
final class DevHistoryActions {

    private DevHistoryActions() {
    }

    static void register(DevModeState state, BuildTimeActionBuildItem methods) {
        methods.addAction("history", state.devUiWorker.offEventLoop(params -> answer(state, "")));
        methods.addAction("reapply", fix(state, params -> state.historyFixes.reapplyNewest()));
        methods.addAction("repair", fix(state, params -> state.historyFixes.repair()));
        methods.addAction("reset", fix(state, params -> {
            if (!"true".equals(params.get("confirm"))) {
                throw new AutogenException("resetting drops every table and row of the dev database: call again with"
                        + " confirm=true");
            }
            return state.historyFixes.reset();
        }));
    }

    private static Function<Map<String, String>, CompletionStage<Map<String, Object>>> fix(DevModeState state,
            Function<Map<String, String>, String> fix) {
        return state.devUiWorker.offEventLoop(params -> {
            if (state.historyFixes == null) {
                return Map.of("error", "the dev database is not known: no jdbc.url is configured, and Dev Services started none");
            }
            try {
                return answer(state, fix.apply(params));
            } catch (AutogenException | org.flywaydb.core.api.FlywayException e) {
                Map<String, Object> json = answer(state, "");
                json.put("error", e.getMessage());
                return json;
            }
        });
    }

    private static Map<String, Object> answer(DevModeState state, String done) {
        Map<String, Object> json = new LinkedHashMap<>();
        DevDatabaseServer database = state.devDatabase;
        json.put("devDatabase", database == null ? "" : database.description());
        if (state.historyFixes == null) {
            json.put("error", "the dev database is not known: no jdbc.url is configured, and Dev Services started none");
            return json;
        }
        HistoryCheck.Finding finding = state.historyFixes.check();
        state.history = finding;
        json.putAll(finding.toJson());
        json.put("done", done);
        json.put("draft", state.generator == null ? "" : Drafts.current(state.generator.folder().source(),
                state.writtenThisSession).map(p -> p.getFileName().toString()).orElse(""));
        return json;
    }
}
