package dev.petmanager.api.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.function.BiConsumer;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.Context;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.inject.Singleton;

/**
 * problem+json for requests refused before any route sees them, which Vert.x and Quarkus answer with an empty body:
 * <ul>
 * <li>what the HTTP decoder refuses: a request line longer than {@code quarkus.http.limits.max-initial-line-length}
 * (414), headers larger than {@code max-header-size} (431), bytes that are not an HTTP/1.x request (400). Vert.x
 * hands those to the server's invalid-request handler, which Quarkus 3.33 gives no way to set
 * (quarkusio/quarkus#55082);</li>
 * <li>a request target that is not a URI, such as {@code /pets/%zz} (400): Quarkus' server handler checks it with
 * {@code java.net.URI} before routing.</li>
 * </ul>
 * Vert.x asks its tracer about each request just before it picks the connection's request or invalid-request handler,
 * so a tracer puts the answering handler on the connection of such a request. It does not take Vert.x's one tracing
 * slot: whatever tracer is configured (OpenTelemetry's, say) stays in it, wrapped, and still sees every request and
 * response; a tracer configured after this customizer replaces the wrapper and only loses these problem bodies (the
 * requests are still refused, with empty answers). The connection closes after the answer, as it does without this
 * class: a request that could not be read leaves nothing reliable to read after it.
 */
@Singleton
@Unremovable
public class InvalidRequestProblems implements VertxOptionsCustomizer {

    private static final int MAX_REASON = 200;

    @Override
    public void accept(VertxOptions options) {
        TracingOptions tracing = options.getTracingOptions() != null ? options.getTracingOptions() : new TracingOptions();
        VertxTracerFactory configured = tracing.getFactory();
        // The configured options object is kept (a tracer's own options subclass carries its settings).
        tracing.setFactory(tracingOptions -> new RefusedRequestTracer(
                configured == null ? VertxTracer.NOOP : configured.tracer(tracingOptions)));
        options.setTracingOptions(tracing);
    }

    static void answerUndecodable(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            answer(request, 414, "the request line (method, path, query and version) is too long: " + reason(cause));
        } else if (cause instanceof TooLongHttpHeaderException) {
            answer(request, 431, "the request headers are too large: " + reason(cause));
        } else {
            answer(request, 400, "the request is not a valid HTTP/1.1 request: " + reason(cause));
        }
    }

    static void answerInvalidTarget(HttpServerRequest request) {
        try {
            new URI(String.valueOf(request.uri()));
            answer(request, 400, "the request target is not a valid URI");
        } catch (URISyntaxException e) {
            answer(request, 400, "the request target is not a valid URI: " + reason(e));
        }
    }

    /** No {@code instance}: the target of a request that could not be read is not known, or not a URI. */
    private static void answer(HttpServerRequest request, int status, String detail) {
        HttpServerResponse response = request.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        HttpProblems.send(response, status, HttpProblems.title(status), detail, null);
        response.close();
    }

    private static String reason(Throwable cause) {
        String reason = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }

    /** What Quarkus' server handler accepts: {@code new URI(target)} succeeds. Common paths skip the parse. */
    static boolean validTarget(String target) {
        if (target == null) {
            return false;
        }
        if (target.startsWith("/") && !target.startsWith("//") && plain(target)) {
            return true;
        }
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Only characters a URI path or query takes as they are, and well-formed percent escapes. */
    private static boolean plain(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                        || Character.digit(target.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Puts the answering handler on the connection of a request that will not reach the router, and hands every call
     * on to the tracer configured before it, unchanged.
     */
    static final class RefusedRequestTracer implements VertxTracer<Object, Object> {

        private final VertxTracer<Object, Object> configured;

        @SuppressWarnings("unchecked")
        RefusedRequestTracer(VertxTracer<?, ?> configured) {
            this.configured = (VertxTracer<Object, Object>) configured;
        }

        @Override
        public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request,
                String operation, Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
            if (request instanceof HttpServerRequest http && http.connection() instanceof HttpServerConnection connection) {
                if (http.decoderResult().isFailure()) {
                    connection.invalidRequestHandler(InvalidRequestProblems::answerUndecodable);
                } else if (http.version() != HttpVersion.HTTP_2 && !validTarget(http.uri())) {
                    // An HTTP/1 connection carries one request at a time, and this one ends it; an HTTP/2 connection's
                    // handler would answer every later stream too, so there Quarkus' empty 400 stays.
                    connection.handler(InvalidRequestProblems::answerInvalidTarget);
                }
            }
            return configured.receiveRequest(context, kind, policy, request, operation, headers, tagExtractor);
        }

        @Override
        public <R> void sendResponse(Context context, R response, Object payload, Throwable failure,
                TagExtractor<R> tagExtractor) {
            configured.sendResponse(context, response, payload, failure, tagExtractor);
        }

        @Override
        public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
            return configured.sendRequest(context, kind, policy, request, operation, headers, tagExtractor);
        }

        @Override
        public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure,
                TagExtractor<R> tagExtractor) {
            configured.receiveResponse(context, response, payload, failure, tagExtractor);
        }

        @Override
        public void close() {
            configured.close();
        }
    }
}
