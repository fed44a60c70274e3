package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresDialect;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The supported databases by name: Quarkus' {@code quarkus.datasource.db-kind} or the CLI's {@code --dialect}.
 * Built on demand: PostgreSQL reads its shadow server's settings then, and says how to set them when missing.
 */
public final class Dialects {

    private static final Map<String, Supplier<Dialect>> SUPPORTED = new LinkedHashMap<>();

    static {
        SUPPORTED.put("sqlite", SqliteDialect::new);
        SUPPORTED.put("postgresql", PostgresDialect::configured);
    }

    private Dialects() {
    }

    /** The dialect, or empty for an unknown name; an {@link AutogenException} when it is known but not configured. */
    public static Optional<Dialect> find(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(SUPPORTED.get(wanted)).map(Supplier::get);
    }

    /** The dialect, or an error that names what is supported. */
    public static Dialect require(String name) {
        return find(name).orElseThrow(() -> new AutogenException("unsupported dialect '" + name + "' (supported: "
                + String.join(", ", SUPPORTED.keySet()) + ")"));
    }
}
