package io.quarkiverse.flywayautogen.deployment;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.flywayautogen.core.render.VendorFolders;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.datasource.runtime.DataSourceBuildTimeConfig;
import io.quarkus.datasource.deployment.spi.DefaultDataSourceDbKindBuildItem;
import io.quarkus.datasource.runtime.DataSourcesBuildTimeConfig;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.flyway.runtime.FlywayBuildTimeConfig;
import io.quarkus.flyway.runtime.FlywayDataSourceBuildTimeConfig;
import io.quarkus.hibernate.orm.deployment.HibernateOrmConfig;
import io.quarkus.hibernate.orm.deployment.HibernateOrmConfigPersistenceUnit;

/**
 * The datasource whose migrations are generated, with what the extension needs of the application's own
 * configuration. Its db-kind, Flyway location and naming strategies come from the build-time config roots of the
 * datasource, Flyway and Hibernate ORM extensions, injected into the build step that makes this, so they mean
 * exactly what they mean to those extensions (profiles, defaults, named datasources). The dev database's URL,
 * credentials and Flyway table are runtime configuration that no build-time root holds: {@link #runtimeValue} reads
 * them under the keys those extensions use.
 *
 * @param name                   the datasource's name, {@link DataSourceUtil#DEFAULT_DATASOURCE_NAME} for the default
 * @param dbKind                 its {@code db-kind}; empty when the application does not set one
 * @param flywayLocation         the first class-path Flyway location, without {@code classpath:} (e.g. {@code db/migration})
 * @param physicalNamingStrategy the persistence unit's, Quarkus' default (Java names kept) when not set
 * @param implicitNamingStrategy the persistence unit's, blank for Hibernate's default
 * @param beanValidationDdl      the persistence unit lets Hibernate add Bean Validation's constraints to its DDL
 *                               ({@code quarkus.hibernate-orm.validation.enabled} and a {@code mode} with auto or ddl)
 */
public record TargetDatasource(String name, Optional<String> dbKind, String flywayLocation, String physicalNamingStrategy,
        String implicitNamingStrategy, boolean beanValidationDdl) {

    private static final String JAVA_NAMES = "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";

    /**
     * {@code defaultDbKinds}: what the JDBC extensions on the class path offer for a datasource that sets no db-kind
     * (most Dev Services applications name none: Quarkus takes the one JDBC driver there is), resolved as Quarkus
     * resolves it.
     */
    static TargetDatasource of(FlywayAutogenBuildTimeConfig autogen, DataSourcesBuildTimeConfig datasources,
            FlywayBuildTimeConfig flyway, HibernateOrmConfig hibernate, List<DefaultDataSourceDbKindBuildItem> defaultDbKinds,
            CurateOutcomeBuildItem curate) {
        String name = autogen.datasource().orElse(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        Optional<DataSourceBuildTimeConfig> configured = Optional.ofNullable(datasources.dataSources().get(name));
        Optional<String> dbKind = DefaultDataSourceDbKindBuildItem.resolve(configured.flatMap(DataSourceBuildTimeConfig::dbKind),
                defaultDbKinds, configured.flatMap(c -> c.devservices().enabled()).orElse(true), curate);
        FlywayDataSourceBuildTimeConfig migrations = flyway.datasources().get(name);
        List<String> locations = migrations == null ? List.of(FlywayDataSourceBuildTimeConfig.DEFAULT_LOCATION)
                : migrations.locations();
        HibernateOrmConfigPersistenceUnit unit = persistenceUnitOf(name, hibernate);
        // Flyway fills in its {vendor} placeholder with the database's name; dev mode writes where it will look
        String location = VendorFolders.substitute(classpathLocation(locations), dbKind.orElse(VendorFolders.PLACEHOLDER));
        return new TargetDatasource(name, dbKind, location,
                unit.physicalNamingStrategy().orElse(JAVA_NAMES), unit.implicitNamingStrategy().orElse(""),
                beanValidationDdl(unit.validation()));
    }

    /**
     * As Quarkus configures Hibernate: validation disabled is {@code jakarta.persistence.validation.mode=none}, else the
     * unit's modes, and Hibernate applies the DDL constraints for {@code auto} (when a provider is present) and {@code ddl}.
     */
    @SuppressWarnings("deprecation") // enabled(): deprecated for mode=none, still honoured by Quarkus
    private static boolean beanValidationDdl(HibernateOrmConfigPersistenceUnit.HibernateOrmConfigPersistenceValidation validation) {
        return validation.enabled() && validation.mode().stream().anyMatch(mode -> mode
                == HibernateOrmConfigPersistenceUnit.HibernateOrmConfigPersistenceValidation.ValidationMode.AUTO
                || mode == HibernateOrmConfigPersistenceUnit.HibernateOrmConfigPersistenceValidation.ValidationMode.DDL);
    }

    /** The persistence unit mapped to the datasource; the default one when none names it. */
    private static HibernateOrmConfigPersistenceUnit persistenceUnitOf(String datasource, HibernateOrmConfig hibernate) {
        if (!DataSourceUtil.isDefault(datasource)) {
            for (HibernateOrmConfigPersistenceUnit unit : hibernate.namedPersistenceUnits().values()) {
                if (unit.datasource().filter(datasource::equals).isPresent()) {
                    return unit;
                }
            }
        }
        return hibernate.defaultPersistenceUnit();
    }

    /** Flyway reads {@code filesystem:} locations from outside the application: dev mode writes to its class path. */
    private static String classpathLocation(List<String> locations) {
        for (String location : locations) {
            if (!location.startsWith("filesystem:")) {
                String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
                return path.startsWith("/") ? path.substring(1) : path;
            }
        }
        return FlywayDataSourceBuildTimeConfig.DEFAULT_LOCATION;
    }

    /** The engine's dialect: the db-kind, or a message the engine reports as an unsupported dialect. */
    String dialect() {
        return dbKind.orElse("(not set: " + datasourceKey("db-kind") + ")");
    }

    /** {@code quarkus.datasource.<radical>}, or the named datasource's, as the datasource extension names it. */
    public String datasourceKey(String radical) {
        return DataSourceUtil.dataSourcePropertyKey(name, radical);
    }

    /** {@code quarkus.flyway.<radical>}, or the named datasource's, as the Flyway extension names it. */
    public String flywayKey(String radical) {
        return DataSourceUtil.isDefault(name) ? "quarkus.flyway." + radical
                : "quarkus.flyway.\"" + name + "\"." + radical;
    }

    /** A runtime value of the dev configuration, e.g. {@code runtimeValue(datasourceKey("jdbc.url"))}. */
    public static Optional<String> runtimeValue(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class);
    }

    /** Flyway's history table on the dev database. */
    public String historyTable() {
        return runtimeValue(flywayKey("table")).orElse("flyway_schema_history");
    }
}
