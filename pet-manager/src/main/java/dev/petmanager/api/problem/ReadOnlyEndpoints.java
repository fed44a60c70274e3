package dev.petmanager.api.problem;

import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Health checks and metrics are read, never written: SmallRye Health answers any method, so {@code POST} or
 * {@code DELETE /q/health} got a 200 as if something had happened. Anything but GET, HEAD and OPTIONS is a 405
 * problem with {@code Allow}, on whichever router serves them: the management interface's (its root path), where
 * application.properties puts them, or the main router's should the management interface be disabled.
 */
@ApplicationScoped
public class ReadOnlyEndpoints {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final String mainRoot;
    private final String managementRoot;

    public ReadOnlyEndpoints(
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String mainRoot,
            @ConfigProperty(name = "quarkus.management.root-path", defaultValue = "q") String managementRoot) {
        this.mainRoot = mainRoot;
        this.managementRoot = managementRoot;
    }

    void onMainRouter(@Observes Router router) {
        install(router, mainRoot);
    }

    void onManagementInterface(@Observes ManagementInterface management) {
        install(management.router(), managementRoot);
    }

    private void install(Router router, String root) {
        String prefix = "/" + root.replaceAll("^/+|/+$", "");
        String pathRegex = java.util.regex.Pattern.quote(prefix) + "/(health|metrics)(/.*)?";
        // after the declared-body limit (a 413 before reading), before the endpoints themselves
        router.routeWithRegex(pathRegex).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT).handler(this::refuseWrites);
    }

    private void refuseWrites(RoutingContext context) {
        if (READS.contains(context.request().method())) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaderNames.ALLOW, "GET, HEAD, OPTIONS");
        HttpProblems.send(context.response(), 405, HttpProblems.title(405), context.request().method()
                + " is not allowed here: health checks and metrics are read with GET", context.request().path());
    }
}
