package dev.petmanager.api.problem;

import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * problem+json for what the HTTP router answers itself, before or instead of the REST layer: a body declared larger
 * than {@code pet-manager.max-request-body} (Quarkus' own upload limit would answer with an empty 413), a request
 * without a Host header, a path that does not start with '/', and any route failure. Errors the HTTP decoder raises
 * before routing are {@link InvalidRequestProblems}'.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);
    /** The HTTP decoder has refused anything else already; 18 digits keep the value inside a long. */
    private static final Pattern DECLARED_LENGTH = Pattern.compile("\\d{1,18}");

    private final long maxBodyBytes;

    public HttpLayerProblems(@ConfigProperty(name = "pet-manager.max-request-body", defaultValue = "65536") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::limitBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
        // What no route matched, or what failed with no failure handler left, goes to the router's error handlers.
        for (int status = 400; status < 600; status++) {
            router.errorHandler(status, this::answer);
        }
    }

    private void limitBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        String header = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long declared = header != null && DECLARED_LENGTH.matcher(header).matches() ? Long.parseLong(header) : -1;
        if (declared > maxBodyBytes) {
            // Answered before a byte of the body is read.
            HttpServerResponse response = context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
            HttpProblems.send(response, 413, "Payload Too Large", "the request body is larger than " + maxBodyBytes
                    + " bytes", request.path());
            response.close();
            return;
        }
        if (declared > 0 || declared < 0 && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            closeIfAnsweredEarly(context, declared);
        }
        context.next();
    }

    /**
     * An error answered before the request body was all received (the size limit counting a chunked body, say)
     * closes the connection: keeping it open would mean reading the rest of the body, up to megabytes, only to drop
     * it. A chunked body's end is not known here, so any error answer to one closes its connection.
     */
    private static void closeIfAnsweredEarly(RoutingContext context, long declaredLength) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(ignored -> {
            if (response.getStatusCode() >= 400 && (declaredLength < 0 || request.bytesRead() < declaredLength)) {
                response.putHeader(HttpHeaderNames.CONNECTION, "close");
            }
        });
        context.addEndHandler(ignored -> {
            if ("close".equals(response.headers().get(HttpHeaderNames.CONNECTION))) {
                response.close();
            }
        });
    }

    private void answer(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.close(); // a response already under way cannot turn into a problem
            return;
        }
        Throwable failure = context.failure();
        int status = context.statusCode();
        if (status < 400 && failure instanceof HttpException http) {
            status = http.getStatusCode();
        }
        if (status < 400 || status > 599) {
            status = 500;
        }
        String detail;
        if (status >= 500) {
            LOG.errorf(failure, "Unexpected failure on %s", context.request().path());
            detail = "the server failed to handle this request";
        } else if (failure != null && failure.getMessage() != null && !failure.getMessage().isBlank()) {
            detail = failure.getMessage();
        } else if (status == 404) {
            detail = "there is no resource at this path";
        } else {
            detail = "the request cannot be handled: " + HttpProblems.title(status);
        }
        HttpProblems.send(response, status, HttpProblems.title(status), detail, context.request().path());
    }
}
