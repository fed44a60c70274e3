package dev.flywayautogen.core.dialect;

import dev.flywayautogen.core.AutogenException;
import dev.flywayautogen.core.sqlite.SqliteDialect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The supported databases by name: Quarkus' {@code quarkus.datasource.db-kind} or the CLI's {@code --dialect}. */
public final class Dialects {

    private static final List<Dialect> SUPPORTED = List.of(new SqliteDialect());

    private Dialects() {
    }

    public static Optional<Dialect> find(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return SUPPORTED.stream().filter(d -> d.name().equals(wanted)).findFirst();
    }

    /** The dialect, or an error that names what is supported. */
    public static Dialect require(String name) {
        return find(name).orElseThrow(() -> new AutogenException("unsupported dialect '" + name + "' (supported: "
                + String.join(", ", SUPPORTED.stream().map(Dialect::name).toList()) + ")"));
    }
}
