package dev.petmanager.api.problem;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Problems in a request body, as Jackson reports them: unknown fields, values of the wrong type, a body that is not
 * one JSON object, text that is not JSON. Each answer names the field to blame when there is one.
 */
public class JsonProblemMappers {

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = pathOf(e);
        return ProblemResponse.of(400, "Bad Request", "unknown field '" + field + "'", uri,
                List.of(new Problem.FieldError(field, "unknown field")));
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, UriInfo uri) {
        Class<?> target = e.getTargetType();
        String message;
        if (e instanceof InvalidTextException) {
            message = e.getOriginalMessage();
        } else if (e.getValue() instanceof String text) {
            message = target != null && target.isEnum() ? "'" + text + "' is not " + expected(target)
                    : "'" + text + "' is not a valid " + simpleTypeName(target);
        } else {
            // A JSON number or boolean where another type belongs: no value is converted into another type.
            message = "expected " + expected(target) + ", got " + e.getValue();
        }
        return ProblemResponse.ofField(400, "Bad Request", pathOf(e), message, uri);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            // Also what a second value after the first one gets (FAIL_ON_TRAILING_TOKENS).
            String found = e.getLocation() == null ? "" : "; found something else" + where(e);
            return ProblemResponse.of(400, "Bad Request", "the request body must be a single JSON object" + found, uri);
        }
        return ProblemResponse.ofField(400, "Bad Request", field, "expected " + expected(e.getTargetType()), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        // Jackson wraps what the body stream threw, such as the size limit's 413.
        Optional<ApiProblem> fromStream = ExceptionCauses.findBelow(e, ApiProblem.class);
        if (fromStream.isPresent()) {
            return ProblemResponse.of(fromStream.get(), uri);
        }
        if (e instanceof JsonMappingException mapping && !pathOf(mapping).isEmpty()
                && mapping.getCause() instanceof InputCoercionException range) {
            // Jackson reports an integer too large for its field as a parse error; it is that field's mistake.
            String message = "must be a whole number from " + lowest(range.getTargetType()) + " to "
                    + highest(range.getTargetType());
            return ProblemResponse.ofField(400, "Bad Request", pathOf(mapping), message, uri);
        }
        return ProblemResponse.of(400, "Malformed JSON",
                "the request body is not valid JSON" + where(e) + ": " + e.getOriginalMessage(), uri);
    }

    /** The REST layer's JSON reader wraps what Jackson threw; the answer is the one for the wrapped failure. */
    Optional<Response> unwrapped(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return Optional.of(unknownField(cause, uri));
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return Optional.of(wrongValue(cause, uri));
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return Optional.of(wrongShape(cause, uri));
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return Optional.of(malformedJson(cause, uri));
        }
        return Optional.empty();
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static Number lowest(Class<?> integral) {
        return integral == Integer.TYPE || integral == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
    }

    private static Number highest(Class<?> integral) {
        return integral == Integer.TYPE || integral == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        return type != null && type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a " + simpleTypeName(type);
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "whole number";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == String.class) {
            return "string";
        }
        return type.getSimpleName();
    }
}
