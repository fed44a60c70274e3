package dev.petmanager.api.problem;

import java.util.Optional;

/**
 * Finds what an exception is really about: the REST layer, Jackson and transactions each wrap the failure that
 * decides the answer (a size limit inside a parse error, a constraint violation inside a rollback).
 */
final class ExceptionCauses {

    private ExceptionCauses() {
    }

    /** {@code failure} itself or its nearest cause that is a {@code type}. */
    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** As {@link #find}, starting below {@code failure}. */
    static <T extends Throwable> Optional<T> findBelow(Throwable failure, Class<T> type) {
        return failure.getCause() == null ? Optional.empty() : find(failure.getCause(), type);
    }
}
