package io.quarkiverse.flywayautogen;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells the migration generator that this entity (table) or field (column) used to be called {@link #value()}.
 * Without it a rename looks like a drop plus an add, and the generator only warns about a possible rename.
 * <p>
 * On a class the value is the old table name; on a field it is the old column name. The annotation is kept at
 * runtime so the generator can read it by reflection; it has no dependencies, so it costs a production build
 * nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface RenamedFrom {
    /** The previous table name (on an entity class) or column name (on a field). */
    String value();
}
