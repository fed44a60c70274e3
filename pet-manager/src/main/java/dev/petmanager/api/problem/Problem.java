package dev.petmanager.api.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem details body; {@code errors} lists per-field failures of a validation problem. Only exception
 * mappers return it, inside a {@code Response}, so Quarkus cannot see it as a resource's type: without the
 * registration the native executable's Jackson finds no accessors and writes {@code {}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection(targets = { Problem.class, Problem.FieldError.class })
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }
}
