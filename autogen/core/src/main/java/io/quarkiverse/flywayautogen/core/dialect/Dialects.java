package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.AutogenException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The supported databases, found through {@link ServiceLoader} ({@link DialectProvider}): by Quarkus'
 * {@code quarkus.datasource.db-kind}, the CLI's {@code --dialect}, or a JDBC URL. A server dialect is built with the
 * {@link DevDatabase} it compares on and says how to set one when it is missing.
 */
public final class Dialects {

    private static final List<DialectProvider> PROVIDERS = ServiceLoader
            .load(DialectProvider.class, DialectProvider.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toList();

    private Dialects() {
    }

    public static List<DialectProvider> providers() {
        return PROVIDERS;
    }

    /** The names of the databases the engine writes migrations for, for usage lines and error messages. */
    public static List<String> supportedNames() {
        return PROVIDERS.stream().filter(DialectProvider::supported).map(DialectProvider::name).toList();
    }

    /** The provider serving a db-kind ({@code PostgreSQL} and {@code postgresql} alike), or empty. */
    public static Optional<DialectProvider> provider(String dbKind) {
        String wanted = dbKind == null ? "" : dbKind.trim().toLowerCase(Locale.ROOT);
        return PROVIDERS.stream().filter(p -> p.dbKinds().contains(wanted)).findFirst();
    }

    /** The provider whose databases a JDBC URL points at, or empty. */
    public static Optional<DialectProvider> forUrl(String jdbcUrl) {
        return jdbcUrl == null ? Optional.empty() : PROVIDERS.stream().filter(p -> p.servesUrl(jdbcUrl)).findFirst();
    }

    /**
     * The dialect, or empty for an unknown db-kind; an {@link AutogenException} when it is known but cannot compare
     * ({@link DialectNotConfiguredException} when it needs a dev database and has none).
     */
    public static Optional<Dialect> find(String dbKind, Optional<DevDatabase> devDatabase) {
        return provider(dbKind).map(p -> p.create(devDatabase));
    }

    /** The dialect, or an error that names what is supported. */
    public static Dialect require(String dbKind, Optional<DevDatabase> devDatabase) {
        return find(dbKind, devDatabase).orElseThrow(() -> new AutogenException("unsupported dialect '" + dbKind
                + "' (supported: " + String.join(", ", supportedNames()) + ")"));
    }

    /** As {@link #require(String, Optional)} with the shadow server of the system properties or environment. */
    public static Dialect require(String dbKind) {
        return require(dbKind, DevDatabase.configured());
    }
}
