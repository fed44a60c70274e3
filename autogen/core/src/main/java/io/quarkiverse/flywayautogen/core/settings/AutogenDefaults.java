package io.quarkiverse.flywayautogen.core.settings;

/**
 * Each setting's default, declared once: the settings reader falls back on these, and the extension's configuration
 * mapping names them in its {@code @WithDefault}s (so the generated configuration reference shows the same values).
 */
public final class AutogenDefaults {

    public static final String UNDO = "false";
    public static final String ALLOW_DESTRUCTIVE = "false";
    public static final String INDEX_FOREIGN_KEYS = "false";
    public static final String VERSION_SCHEME = "increment";
    public static final String ROLLOUT = "default";
    public static final String ROLLOUT_LOCK_TIMEOUT = "5s";
    public static final String ROLLOUT_STATEMENT_TIMEOUT = "15min";
    public static final String INDEX_NAME = "ix_%(table)_%(cols)";
    public static final String UNIQUE_NAME = "uq_%(table)_%(cols)";
    public static final String FOREIGN_KEY_NAME = "fk_%(table)_%(cols)_%(reftable)";
    public static final String CHECK_NAME = "ck_%(table)_%(cols)";
    public static final String PRIMARY_KEY_NAME = "pk_%(table)";
    /** Quarkus' name for the default datasource ({@code DataSourceUtil.DEFAULT_DATASOURCE_NAME}). */
    public static final String DEFAULT_DATASOURCE = "<default>";

    private AutogenDefaults() {
    }
}
