package dev.petmanager.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.api.input.CanonicalPaths;
import dev.petmanager.api.input.ResourceId;
import dev.petmanager.api.problem.InvalidRequestProblems;
import io.vertx.core.Context;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * What the API layer adds to Vert.x and JAX-RS leaves room for what a user adds later: a tracer configured before the
 * refused-request handler (OpenTelemetry's) keeps its slot and sees every request, and only ids convert strictly.
 */
class SupportedHooksTest {

    @Test
    void aConfiguredTracerKeepsReceivingEveryRequest() {
        List<Object> seen = new ArrayList<>();
        VertxTracer<String, String> recording = new VertxTracer<>() {
            @Override
            public <R> String receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request,
                    String operation, Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
                seen.add(request);
                return "span";
            }

            @Override
            public <R> void sendResponse(Context context, R response, String payload, Throwable failure,
                    TagExtractor<R> tagExtractor) {
                seen.add(payload);
            }
        };
        TracingOptions users = new TracingOptions().setFactory(options -> recording);
        VertxOptions options = new VertxOptions().setTracingOptions(users);

        new InvalidRequestProblems().accept(options);

        assertSame(users, options.getTracingOptions(), "the configured tracing options are kept");
        @SuppressWarnings("unchecked")
        VertxTracer<Object, Object> installed = options.getTracingOptions().getFactory().tracer(users);
        Object span = installed.receiveRequest(null, SpanKind.RPC, TracingPolicy.PROPAGATE, "request", "GET", List.of(),
                null);
        installed.sendResponse(null, "response", span, null, null);
        assertEquals(List.of("request", "span"), seen);
    }

    @Test
    void withoutAConfiguredTracerTheHandlerStillInstalls() {
        VertxOptions options = new VertxOptions();
        new InvalidRequestProblems().accept(options);
        VertxTracer<?, ?> installed = options.getTracingOptions().getFactory().tracer(options.getTracingOptions());
        assertNull(installed.receiveRequest(null, SpanKind.RPC, TracingPolicy.PROPAGATE, "not http", "GET", List.of(),
                null));
    }

    @Test
    void onlyParametersMarkedAsIdsConvertStrictly() {
        CanonicalPaths paths = new CanonicalPaths();
        assertNull(paths.getConverter(Long.class, Long.class, new Annotation[0]), "a Long that is not an id");
        Annotation id = new ResourceId() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ResourceId.class;
            }
        };
        var converter = paths.getConverter(Long.class, Long.class, new Annotation[] { id });
        assertNotNull(converter);
        assertEquals(12L, converter.fromString("12"));
        assertThrows(IllegalArgumentException.class, () -> converter.fromString("+12"));
        assertThrows(IllegalArgumentException.class, () -> converter.fromString("012"));
    }
}
