package dev.flywayautogen.quarkus.deployment;

import java.util.Map;
import java.util.function.Function;

import dev.flywayautogen.core.AutogenException;
import dev.flywayautogen.core.desired.RenameHints;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.buildtime.BuildTimeActionBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Dev UI card. Its JSON-RPC methods are build-time actions: they run in the deployment class loader, next to
 * the engine, so nothing of it is added to the application.
 */
class FlywayAutogenDevUIProcessor {

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
    void jsonRpcMethods(AutogenDevModeBuildItem devMode, BuildProducer<BuildTimeActionBuildItem> actions) {
        DevModeState state = devMode.state();
        BuildTimeActionBuildItem methods = new BuildTimeActionBuildItem();
        methods.addAction("status", params -> state.toJson());
        methods.addAction("generate", decide(state, params -> {
            state.generator.confirm(state, false, RenameHints.none());
            return null;
        }));
        methods.addAction("confirmDestructive", decide(state, params -> {
            state.generator.confirm(state, true, RenameHints.none());
            return null;
        }));
        methods.addAction("confirmRename", decide(state, params -> {
            state.generator.confirm(state, false, RenameHints.parse(params.get("rename")));
            return null;
        }));
        methods.addAction("nameDraft", decide(state, params -> {
            state.generator.nameDraft(state, params.get("message"));
            return null;
        }));
        DevHistoryActions.register(state, methods);
        actions.produce(methods);
    }

    /** Runs a decision and answers with the new state, or the engine's reason in {@code error}. */
    private static Function<Map<String, String>, Map<String, Object>> decide(DevModeState state,
            Function<Map<String, String>, Void> decision) {
        return params -> {
            if (state.generator == null) {
                return Map.of("error", "no entities found");
            }
            try {
                decision.apply(params);
                return state.toJson();
            } catch (AutogenException | IllegalArgumentException e) {
                Map<String, Object> json = state.toJson();
                json.put("error", e.getMessage());
                return json;
            }
        };
    }
}
