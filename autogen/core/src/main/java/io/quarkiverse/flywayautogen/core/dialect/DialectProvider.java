package io.quarkiverse.flywayautogen.core.dialect;

import java.util.Optional;
import java.util.Set;

/**
 * How the engine finds a database: each dialect's package registers one in
 * {@code META-INF/services/io.quarkiverse.flywayautogen.core.dialect.DialectProvider}, and {@link Dialects} looks
 * them up by db-kind or JDBC URL. Adding a database is adding a package and one line there; nothing outside the
 * package names it. A provider is cheap to make and touches no JDBC driver until {@link #create} is called.
 */
public interface DialectProvider {

    /** {@code sqlite}, as Quarkus' {@code db-kind} and the CLI's {@code --dialect} name it; also Flyway's {vendor}. */
    String name();

    /** The {@code quarkus.datasource.db-kind} values it serves, in lower case; {@link #name()} among them. */
    default Set<String> dbKinds() {
        return Set.of(name());
    }

    /**
     * Whether the engine writes migrations for this database; false for a provider that only recognises a database
     * in order to refuse it with the reason ({@code mysql}), which is then named nowhere as a supported one.
     */
    default boolean supported() {
        return true;
    }

    /** Whether {@code jdbcUrl} is a database of this kind ({@code jdbc:postgresql:...}). */
    boolean servesUrl(String jdbcUrl);

    /**
     * The dialect, with where it makes its scratch or shadow databases: a file dialect ignores {@code devDatabase};
     * a server dialect uses it when {@link #servesUrl serves} its URL and otherwise throws
     * {@link DialectNotConfiguredException} saying how to configure one (an {@link
     * io.quarkiverse.flywayautogen.core.AutogenException} when the URL was {@link DevDatabase#explicit set} for it
     * and is another database's).
     */
    Dialect create(Optional<DevDatabase> devDatabase);
}
