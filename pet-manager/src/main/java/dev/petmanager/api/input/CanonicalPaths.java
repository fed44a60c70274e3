package dev.petmanager.api.input;

import dev.petmanager.api.problem.ApiProblem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * One resource, one path. An id — a {@code Long} path or query parameter marked {@link ResourceId} — is decimal
 * digits without leading zeros: {@code /pets/+1}, {@code /pets/01} or {@code /pets/1%3Bx} would otherwise all convert to pet 1. And
 * matrix parameters are refused before routing, as JAX-RS would strip them and {@code DELETE /pets/1;x} would delete
 * pet 1. Both are a 400 problem, and neither request reaches a resource method.
 */
@Provider
public class CanonicalPaths implements ParamConverterProvider {

    private static final Pattern ID = Pattern.compile("0|[1-9][0-9]*");

    @ServerRequestFilter(preMatching = true)
    public void refuseMatrixParameters(HttpServerRequest request) {
        // path() is the path as sent, before percent-decoding: an encoded %3B is data, not a parameter separator.
        if (request.path().indexOf(';') >= 0) {
            throw ApiProblem.badRequest("the path " + request.path() + " has matrix parameters (';'), which no"
                    + " resource of this API takes");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == Long.class && isResourceId(annotations) ? (ParamConverter<T>) new IdConverter() : null;
    }

    private static boolean isResourceId(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof ResourceId) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The conversion JAX-RS applies to an id; a failure is mapped to a 400 naming the parameter's wrong type. */
    private static final class IdConverter implements ParamConverter<Long> {
        @Override
        public Long fromString(String value) {
            if (value == null) {
                return null;
            }
            if (!ID.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not an id: an id is decimal digits, without"
                        + " sign or leading zeros");
            }
            return Long.valueOf(value); // NumberFormatException past Long.MAX_VALUE: the same 400
        }

        @Override
        public String toString(Long value) {
            return value == null ? null : value.toString();
        }
    }
}
