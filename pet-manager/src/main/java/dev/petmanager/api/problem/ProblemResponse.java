package dev.petmanager.api.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds the problem+json response every exception mapper returns; {@code instance} is the request path. */
final class ProblemResponse {

    private ProblemResponse() {
    }

    static Response of(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        String instance = uri != null ? uri.getPath() : null;
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, instance, errors))
                .build();
    }

    static Response of(int status, String title, String detail, UriInfo uri) {
        return of(status, title, detail, uri, null);
    }

    static Response of(ApiProblem problem, UriInfo uri) {
        return of(problem.status(), problem.title(), problem.getMessage(), uri, problem.errors());
    }

    /** One field to blame: the detail names it, and {@code errors} lists it. */
    static Response ofField(int status, String title, String field, String message, UriInfo uri) {
        return of(status, title, field + ": " + message, uri, List.of(new Problem.FieldError(field, message)));
    }
}
