package io.quarkiverse.flywayautogen.core.desired;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.community.dialect.SQLiteDialect;

import java.util.Collection;
import java.util.Comparator;

/**
 * Builds Hibernate's boot {@link Metadata} for a set of entity classes without a database: the CLI and tests use it;
 * Quarkus passes its own Metadata instead. The physical naming strategy defaults to Quarkus' default
 * (camelCase to snake_case), so the CLI sees the same table and column names the application uses.
 */
public final class EntityBootstrap {

    private EntityBootstrap() {
    }

    public static Metadata sqliteMetadata(Collection<Class<?>> entityClasses, ClassLoader classLoader) {
        return sqliteMetadata(entityClasses, classLoader, CamelCaseToUnderscoresNamingStrategy.class.getName());
    }

    /**
     * As the application names its tables and columns: the Quarkus extension passes the application's
     * {@code quarkus.hibernate-orm.physical-naming-strategy} (Hibernate's identity strategy when unset).
     */
    public static Metadata sqliteMetadata(Collection<Class<?>> entityClasses, ClassLoader classLoader,
                                          String physicalNamingStrategy) {
        return metadata(entityClasses, classLoader, physicalNamingStrategy, SQLiteDialect.class.getName());
    }

    /** For the application's Hibernate dialect (class name), as the engine's {@code Dialect} names it. */
    public static Metadata metadata(Collection<Class<?>> entityClasses, ClassLoader classLoader,
                                    String physicalNamingStrategy, String hibernateDialect) {
        return metadata(entityClasses, classLoader, physicalNamingStrategy, "", hibernateDialect);
    }

    /** {@code implicitNamingStrategy} blank: Hibernate's default, as Quarkus leaves it unless configured. */
    public static Metadata metadata(Collection<Class<?>> entityClasses, ClassLoader classLoader,
                                    String physicalNamingStrategy, String implicitNamingStrategy, String hibernateDialect) {
        if (entityClasses.isEmpty()) {
            throw new IllegalArgumentException("no @Entity classes given");
        }
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(classLoader).build();
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("hibernate.dialect", hibernateDialect)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("hibernate.physical_naming_strategy", physicalNamingStrategy)
                .applySetting("hibernate.temp.use_jdbc_metadata_defaults", "false");
        if (implicitNamingStrategy != null && !implicitNamingStrategy.isBlank()) {
            settings.applySetting("hibernate.implicit_naming_strategy", implicitNamingStrategy);
        }
        StandardServiceRegistry registry = settings.build();
        MetadataSources sources = new MetadataSources(registry);
        entityClasses.stream().sorted(Comparator.comparing(Class::getName)).forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }
}
