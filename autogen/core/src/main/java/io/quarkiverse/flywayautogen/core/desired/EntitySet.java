package io.quarkiverse.flywayautogen.core.desired;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;

import java.util.Comparator;
import java.util.List;

/**
 * The application's entity classes with what decides their schema (class loader, physical naming strategy), so
 * that the engine can build Hibernate's boot {@link Metadata} for the diff and, for the self-check, a session
 * factory on a scratch database that validates and persists exactly as the application's would.
 */
public final class EntitySet {

    private final List<Class<?>> classes;
    private final ClassLoader loader;
    private final String physicalNamingStrategy;
    private final String implicitNamingStrategy;
    private final boolean beanValidationDdl;
    private final java.util.Map<String, Metadata> metadataByDialect = new java.util.HashMap<>();

    public EntitySet(java.util.Collection<Class<?>> classes, ClassLoader loader, String physicalNamingStrategy) {
        this(classes, loader, physicalNamingStrategy, "");
    }

    /**
     * {@code implicitNamingStrategy}: as {@code quarkus.hibernate-orm.implicit-naming-strategy} names it (a class or
     * one of Hibernate's short names); blank for Hibernate's default. It names what the mapping leaves unnamed:
     * join columns, collection tables.
     */
    public EntitySet(java.util.Collection<Class<?>> classes, ClassLoader loader, String physicalNamingStrategy,
                     String implicitNamingStrategy) {
        this(classes, loader, physicalNamingStrategy, implicitNamingStrategy, BeanValidationDdl.providerPresent(loader));
    }

    private EntitySet(java.util.Collection<Class<?>> classes, ClassLoader loader, String physicalNamingStrategy,
                      String implicitNamingStrategy, boolean beanValidationDdl) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no @Entity classes given");
        }
        this.classes = classes.stream().sorted(Comparator.comparing(Class::getName)).toList();
        this.loader = loader;
        this.physicalNamingStrategy = physicalNamingStrategy;
        this.implicitNamingStrategy = implicitNamingStrategy == null ? "" : implicitNamingStrategy.trim();
        this.beanValidationDdl = beanValidationDdl;
    }

    /**
     * The same entities with Bean Validation's DDL constraints ({@code @NotNull} as NOT NULL, {@code @Size(max)} as
     * the length, {@code @Min} as a CHECK, ...) on or off, as the application's Hibernate applies them: on when
     * Hibernate Validator is present and {@code quarkus.hibernate-orm.validation} leaves them on (the default),
     * which is what the constructors assume when the validator is on the entities' class path. See
     * {@link BeanValidationDdl}.
     */
    public EntitySet withBeanValidationDdl(boolean on) {
        return new EntitySet(classes, loader, physicalNamingStrategy, implicitNamingStrategy, on);
    }

    /** Some of these entities, with everything else that decides their schema unchanged. */
    public EntitySet withClasses(java.util.Collection<Class<?>> subset) {
        return new EntitySet(subset, loader, physicalNamingStrategy, implicitNamingStrategy, beanValidationDdl);
    }

    /** Whether the desired schema carries Bean Validation's DDL constraints. */
    public boolean beanValidationDdl() {
        return beanValidationDdl;
    }

    /** As the CLI's default: camelCase to snake_case. */
    public static EntitySet snakeCase(java.util.Collection<Class<?>> classes, ClassLoader loader) {
        return new EntitySet(classes, loader, CamelCaseToUnderscoresNamingStrategy.class.getName());
    }

    public List<Class<?>> classes() {
        return classes;
    }

    public ClassLoader loader() {
        return loader;
    }

    public String physicalNamingStrategy() {
        return physicalNamingStrategy;
    }

    /** Blank: Hibernate's default. */
    public String implicitNamingStrategy() {
        return implicitNamingStrategy;
    }

    /** Built once per dialect, without a database, with Bean Validation's constraints when {@link #beanValidationDdl()}. */
    public synchronized Metadata metadata(Dialect dialect) {
        return metadataByDialect.computeIfAbsent(dialect.hibernateDialect(), hibernateDialect -> {
            Metadata metadata = EntityBootstrap.metadata(classes, loader, physicalNamingStrategy, implicitNamingStrategy, hibernateDialect);
            if (beanValidationDdl) {
                BeanValidationDdl.apply(metadata, loader);
            }
            return metadata;
        });
    }
}
