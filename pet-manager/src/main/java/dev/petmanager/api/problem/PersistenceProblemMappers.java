package dev.petmanager.api.problem;

import java.util.Optional;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.petmanager.storage.ConstraintFailure;
import dev.petmanager.storage.WriteFailure;
import dev.petmanager.storage.WriteTransactions;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Problems the database reports: a version conflict or a broken constraint is the client's 409 (it raced another
 * request, or asked for a state the schema forbids); anything else from storage is a 500 that leaks nothing.
 */
public class PersistenceProblemMappers {

    private static final Logger LOG = Logger.getLogger(PersistenceProblemMappers.class);

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (WriteFailure.unstorableText(e)) {
            return ProblemResponse.of(400, "Bad Request", "a text value holds a character this database cannot store"
                    + " (PostgreSQL text cannot hold U+0000)", uri);
        }
        return conflict(e, uri).orElseGet(() -> unexpected(e, uri));
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return conflict(e, uri).orElseGet(() -> unexpected(e, uri));
    }

    @ServerExceptionMapper
    public Response shuttingDown(WriteTransactions.ShuttingDown e, UriInfo uri) {
        return ProblemResponse.of(503, "Service Unavailable", e.getMessage(), uri);
    }

    /**
     * The 409 for a version or constraint conflict anywhere in {@code failure}'s causes: transactions wrap the
     * commit-time failure, sometimes in exceptions of no persistence type.
     */
    static Optional<Response> conflict(Throwable failure, UriInfo uri) {
        if (ExceptionCauses.find(failure, OptimisticLockException.class).isPresent()
                || ExceptionCauses.find(failure, StaleStateException.class).isPresent()) {
            return Optional.of(ProblemResponse.of(409, "Conflict",
                    "the resource was changed by another request; fetch it again and retry", uri));
        }
        if (WriteFailure.lostARace(failure)) {
            return Optional.of(ProblemResponse.of(409, "Conflict",
                    "the change collided with concurrent requests; retry it", uri));
        }
        return ExceptionCauses.find(failure, ConstraintViolationException.class)
                .map(violation -> ProblemResponse.of(409, "Conflict", detail(violation), uri));
    }

    private static String detail(ConstraintViolationException violation) {
        Optional<ConstraintFailure> failure = ConstraintFailure.of(violation.getSQLException(),
                violation.getConstraintName());
        if (failure.isEmpty()) {
            return "the change conflicts with a database constraint";
        }
        return switch (failure.get().kind()) {
            case UNIQUE -> "a unique value is already taken (" + failure.get().where() + ")";
            case FOREIGN_KEY -> "the change would break a reference between resources";
            case NOT_NULL, CHECK -> "the change conflicts with a database constraint";
        };
    }

    private static Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected persistence failure on %s", uri.getPath());
        return ProblemResponse.of(500, "Internal Server Error", "the server failed to handle this request", uri);
    }
}
