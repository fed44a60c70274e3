package dev.petmanager.api;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.petmanager.storage.WriteQueue;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The one place where exceptions become RFC 9457 problem+json responses. Client mistakes get a 4xx with a detail a
 * person can act on; anything unexpected is a 500 whose detail leaks nothing, logged here.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AllowedMethods allowedMethods;

    public ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response validation(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "Validation failed", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = pathOf(e);
        return respond(400, "Bad Request", "unknown field '" + field + "'", uri,
                List.of(new Problem.FieldError(field, "unknown field")));
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, UriInfo uri) {
        String field = pathOf(e);
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
        return respond(400, "Bad Request", field + ": " + message, uri, List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            // Also what a second value after the first one gets (FAIL_ON_TRAILING_TOKENS).
            String found = e.getLocation() == null ? "" : "; found something else" + where(e);
            return respond(400, "Bad Request", "the request body must be a single JSON object" + found, uri, null);
        }
        String message = "expected " + expected(e.getTargetType());
        return respond(400, "Bad Request", field + ": " + message, uri, List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        // Jackson wraps what the body stream threw, such as the size limit's 413.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem) {
                return apiProblem(problem, uri);
            }
        }
        if (e instanceof JsonMappingException mapping && !pathOf(mapping).isEmpty()
                && mapping.getCause() instanceof InputCoercionException range) {
            // Jackson reports an integer too large for its field as a parse error; it is that field's mistake.
            String field = pathOf(mapping);
            String message = "must be a whole number from " + lowest(range.getTargetType()) + " to "
                    + highest(range.getTargetType());
            return respond(400, "Bad Request", field + ": " + message, uri, List.of(new Problem.FieldError(field, message)));
        }
        return respond(400, "Malformed JSON", "the request body is not valid JSON" + where(e) + ": " + e.getOriginalMessage(),
                uri, null);
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

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps what Jackson threw; the detail is in the cause.
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, uri);
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return wrongValue(cause, uri);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return wrongShape(cause, uri);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause, uri);
        }
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException && e.getCause() != null) {
            // A path or query parameter that does not convert (size=abc) is the client's mistake, not a missing page.
            return respond(400, "Bad Request", "a parameter has the wrong type: " + e.getCause().getMessage(), uri, null);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Client Error";
        Response problem = respond(status, title, e.getMessage() != null ? e.getMessage() : title, uri, null);
        if (status == 405) {
            // RFC 9110: a 405 lists the methods the resource does support
            allowedMethods.forPath(uri.getPath()).ifPresent(allow -> problem.getHeaders().putSingle(HttpHeaders.ALLOW, allow));
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response shuttingDown(WriteQueue.ShuttingDown e, UriInfo uri) {
        return respond(503, "Service Unavailable", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return conflictOrUnexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return conflictOrUnexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Transactions wrap the commit-time failure; a version or constraint conflict deep inside is still a 409.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException
                    || cause instanceof ConstraintViolationException) {
                return conflictOrUnexpected(cause, uri);
            }
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(500, "Internal Server Error", "the server failed to handle this request", uri, null);
    }

    private Response conflictOrUnexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return respond(409, "Conflict", "the resource was changed by another request; fetch it again and retry",
                        uri, null);
            }
            if (cause instanceof ConstraintViolationException cve) {
                return respond(409, "Conflict", constraintDetail(cve), uri, null);
            }
        }
        LOG.errorf(e, "Unexpected persistence failure on %s", uri.getPath());
        return respond(500, "Internal Server Error", "the server failed to handle this request", uri, null);
    }

    private static String constraintDetail(ConstraintViolationException e) {
        String message = String.valueOf(e.getSQLException() != null ? e.getSQLException().getMessage() : e.getMessage());
        if (message.contains("UNIQUE")) {
            return "a unique value is already taken (" + message.replaceAll(".*UNIQUE constraint failed: ", "").replaceAll("\\).*", "") + ")";
        }
        if (message.contains("FOREIGN KEY")) {
            return "the change would break a reference between resources";
        }
        return "the change conflicts with a database constraint";
    }

    private static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        String instance = uri != null ? uri.getPath() : null;
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, instance, errors))
                .build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Method validation paths read "create.input.name"; a client knows only "name" (or the query parameter "size").
        List<String> names = new java.util.ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() != ElementKind.METHOD && node.getName() != null) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? String.valueOf(parameter) : String.join(".", names);
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
