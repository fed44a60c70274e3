package dev.petmanager.api.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Problems with the request as the REST layer sees it — its path, method, media types, parameters and validated
 * input — and problems a resource detected itself ({@link ApiProblem}). Also the last resort: anything no mapper
 * claims is a 500 whose detail leaks nothing, logged here. Errors raised below the REST layer, before any mapper
 * runs, are {@link HttpLayerProblems}'.
 */
public class HttpProblemMappers {

    private static final Logger LOG = Logger.getLogger(HttpProblemMappers.class);

    private final AllowedMethods allowedMethods;
    private final JsonProblemMappers json;

    public HttpProblemMappers(AllowedMethods allowedMethods, JsonProblemMappers json) {
        this.allowedMethods = allowedMethods;
        this.json = json;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return ProblemResponse.of(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponse.of(400, "Validation failed", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        var fromJson = json.unwrapped(e, uri);
        if (fromJson.isPresent()) {
            return fromJson.get();
        }
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException && e.getCause() != null) {
            // A path or query parameter that does not convert (size=abc) is the client's mistake, not a missing page.
            return ProblemResponse.of(400, "Bad Request", "a parameter has the wrong type: " + e.getCause().getMessage(),
                    uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Client Error";
        Response problem = ProblemResponse.of(status, title, e.getMessage() != null ? e.getMessage() : title, uri);
        if (status == 405) {
            // RFC 9110: a 405 lists the methods the resource does support
            allowedMethods.forPath(uri.getPath()).ifPresent(allow -> problem.getHeaders().putSingle(HttpHeaders.ALLOW, allow));
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // A version or constraint conflict can arrive wrapped in exceptions of no persistence type: still a 409.
        return PersistenceProblemMappers.conflict(e, uri).orElseGet(() -> {
            LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
            return ProblemResponse.of(500, "Internal Server Error", "the server failed to handle this request", uri);
        });
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Method validation paths read "create.input.name" or "list.page.size"; a client knows only "name" (or the
        // query parameter "size").
        List<String> names = new ArrayList<>();
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
}
