package io.quarkiverse.flywayautogen.deployment.devui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.deployment.DevDatabaseServer;
import io.quarkiverse.flywayautogen.deployment.devmode.DevModeState;
import io.quarkiverse.flywayautogen.deployment.devmode.Drafts;
import io.quarkiverse.flywayautogen.deployment.devmode.history.HistoryCheck;
import io.quarkiverse.flywayautogen.deployment.devmode.history.HistoryFixes;
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
        methods.addAction("history", state.devUiWorker().offEventLoop(params -> answer(state, "")));
        methods.addAction("reapply", fix(state, (fixes, params) -> fixes.reapplyNewest()));
        methods.addAction("repair", fix(state, (fixes, params) -> fixes.repair()));
        methods.addAction("reset", fix(state, (fixes, params) -> {
            if (!"true".equals(params.get("confirm"))) {
                throw new AutogenException("resetting drops every table and row of the dev database: call again with"
                        + " confirm=true");
            }
            return fixes.reset();
        }));
    }

    private static final String UNKNOWN_DATABASE = "the dev database is not known: no jdbc.url is configured, and Dev"
            + " Services started none";

    private static Function<Map<String, String>, CompletionStage<Map<String, Object>>> fix(DevModeState state,
            BiFunction<HistoryFixes, Map<String, String>, String> fix) {
        return state.devUiWorker().offEventLoop(params -> {
            Optional<HistoryFixes> fixes = state.historyFixes();
            if (fixes.isEmpty()) {
                return Map.of("error", UNKNOWN_DATABASE);
            }
            try {
                return answer(state, fix.apply(fixes.get(), params));
            } catch (AutogenException | org.flywaydb.core.api.FlywayException e) {
                Map<String, Object> json = answer(state, "");
                json.put("error", e.getMessage());
                return json;
            }
        });
    }

    private static Map<String, Object> answer(DevModeState state, String done) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("devDatabase", state.devDatabase().map(DevDatabaseServer::description).orElse(""));
        Optional<HistoryFixes> fixes = state.historyFixes();
        if (fixes.isEmpty()) {
            json.put("error", UNKNOWN_DATABASE);
            return json;
        }
        HistoryCheck.Finding finding = fixes.get().check();
        state.historyChecked(finding);
        json.putAll(finding.toJson());
        json.put("done", done);
        json.put("draft", state.generator().flatMap(generator -> Drafts.current(generator.folder().source(),
                state.drafting().written())).map(p -> p.getFileName().toString()).orElse(""));
        return json;
    }
}
