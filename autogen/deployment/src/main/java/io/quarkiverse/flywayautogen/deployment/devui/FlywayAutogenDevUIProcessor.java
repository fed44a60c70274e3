package io.quarkiverse.flywayautogen.deployment.devui;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.deployment.AutogenDevModeBuildItem;
import io.quarkiverse.flywayautogen.deployment.AutogenSettings;
import io.quarkiverse.flywayautogen.deployment.TargetDatasource;
import io.quarkiverse.flywayautogen.deployment.TargetDatasourceBuildItem;
import io.quarkiverse.flywayautogen.deployment.devmode.DevModeGenerator;
import io.quarkiverse.flywayautogen.deployment.devmode.DevModeState;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.buildtime.BuildTimeActionBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Dev UI card. Its JSON-RPC methods are build-time actions: they run in the deployment class loader, next to
 * the engine, so nothing of it is added to the application, and off the event loop that receives them
 * ({@link DevUiWorker}).
 */
public class FlywayAutogenDevUIProcessor {

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Pending migration")
                .icon("font-awesome-solid:database")
                .componentLink("qwc-flyway-autogen.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Migration history")
                .icon("font-awesome-solid:clock-rotate-left")
                .componentLink("qwc-flyway-autogen-history.js"));
        return card;
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    void jsonRpcMethods(AutogenDevModeBuildItem devMode, TargetDatasourceBuildItem targetDatasource,
            BuildProducer<BuildTimeActionBuildItem> actions) {
        DevModeState state = devMode.state();
        // the dev database may become known after this step (Dev Services): read at each call; the table is
        // configuration, read here (a call's thread has no application configuration)
        String table = targetDatasource.datasource().historyTable();
        Supplier<MigrationHistory> history = () -> MigrationHistory.on(state.devDatabase(), table);
        BuildTimeActionBuildItem methods = new BuildTimeActionBuildItem();
        DevUiWorker worker = state.devUiWorker();
        methods.addAction("status", worker.offEventLoop(params -> status(state, history)));
        methods.addAction("generate", decide(state, history, (generator, params) -> {
            generator.confirm(state, false, RenameHints.none(), message(params));
        }));
        methods.addAction("confirmDestructive", decide(state, history, (generator, params) -> {
            generator.confirm(state, true, RenameHints.none(), message(params));
        }));
        methods.addAction("confirmRename", decide(state, history, (generator, params) -> {
            // several possible renames come comma-separated, as the card suggests them
            List<String> renames = Arrays.asList(params.getOrDefault("rename", "").split(","));
            generator.confirm(state, false, AutogenSettings.renames(renames), message(params));
        }));
        methods.addAction("nameDraft", decide(state, history, (generator, params) -> {
            generator.nameDraft(state, params.get("message"));
        }));
        // safe rollout's contract step: drops what flyway-autogen-deferred.txt lists, once no replica needs it
        methods.addAction("contract", decide(state, history, (generator, params) -> generator.contract(state)));
        DevHistoryActions.register(state, methods);
        actions.produce(methods);
    }

    /** The card's message field: names the migration instead of its first operation; blank for that default. */
    private static String message(Map<String, String> params) {
        return params.getOrDefault("message", "");
    }

    private static Map<String, Object> status(DevModeState state, Supplier<MigrationHistory> history) {
        Map<String, Object> json = state.toJson();
        state.generator().ifPresent(generator -> json.putAll(history.get().toJson(generator.folder().source())));
        state.generator().ifPresent(generator -> json.put("deferred", io.quarkiverse.flywayautogen.core.rollout.DeferredDrops
                .read(generator.folder().source()).items().stream()
                .map(item -> item.describe() + " (deferred by " + item.deferredBy() + ")").toList()));
        return json;
    }

    /** Runs a decision and answers with the new state, or the engine's reason in {@code error}. */
    private static Function<Map<String, String>, CompletionStage<Map<String, Object>>> decide(DevModeState state,
            Supplier<MigrationHistory> history, BiConsumer<DevModeGenerator, Map<String, String>> decision) {
        return state.devUiWorker().offEventLoop(params -> {
            Optional<DevModeGenerator> generator = state.generator();
            if (generator.isEmpty()) {
                return Map.of("error", "no entities found");
            }
            try {
                decision.accept(generator.get(), params);
                return status(state, history);
            } catch (AutogenException | IllegalArgumentException e) {
                Map<String, Object> json = status(state, history);
                json.put("error", e.getMessage());
                return json;
            }
        });
    }

    /**
     * A page of the card, as the log names it for a user whose browser is elsewhere: Dev UI's path is the extension's
     * namespace and the page title in kebab case, under the non-application root.
     */
    public static String pageUrl(String page) {
        String port = TargetDatasource.runtimeValue("quarkus.http.port").orElse("8080");
        String root = TargetDatasource.runtimeValue("quarkus.http.root-path").orElse("/");
        String nonApplication = TargetDatasource.runtimeValue("quarkus.http.non-application-root-path").orElse("q");
        String base = nonApplication.startsWith("/") ? nonApplication
                : (root.endsWith("/") ? root : root + "/") + nonApplication;
        return "http://localhost:" + port + base + "/dev-ui/quarkus-flyway-autogen/" + page;
    }
}
