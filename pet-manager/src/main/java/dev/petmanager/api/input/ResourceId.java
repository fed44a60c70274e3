package dev.petmanager.api.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a path or query parameter that is the id of a resource, so that {@link CanonicalPaths} converts it strictly
 * (decimal digits, no sign, no leading zeros). Other {@code Long} parameters, the service's or a library's, convert
 * as JAX-RS does by default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ResourceId {
}
