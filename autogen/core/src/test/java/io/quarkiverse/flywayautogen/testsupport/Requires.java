package io.quarkiverse.flywayautogen.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class or method needs these beyond a JDK: without them it is skipped, saying what to install, and under
 * {@code CI=true} it fails (see {@link Prerequisites}). Evaluated before any {@code @RegisterExtension} boots Quarkus.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresCondition.class)
public @interface Requires {
    Prerequisite[] value();
}
