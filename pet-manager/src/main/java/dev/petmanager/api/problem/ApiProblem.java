package dev.petmanager.api.problem;

import java.util.List;

/**
 * A client error that a resource detected itself. Mapped once to problem+json by {@link HttpProblemMappers}, so that
 * resource methods throw instead of building error responses.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    private ApiProblem(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ApiProblem notFound(String what, long id) {
        return new ApiProblem(404, "Not Found", what + " " + id + " does not exist", null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, null);
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(415, "Unsupported Media Type", detail, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, null);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad Request", detail, null);
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(413, "Payload Too Large", detail, null);
    }

    /** A body that is not JSON text; {@code field} is where it went wrong, when that is known. */
    public static ApiProblem malformedJson(String detail, String field, String message) {
        return new ApiProblem(400, "Malformed JSON", detail,
                field == null ? null : List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(400, "Validation failed", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem staleVersion(String what, long id, long expected, long actual) {
        return conflict(what + " " + id + " is at version " + actual + ", the request expected version " + expected
                + "; fetch it again and retry");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
