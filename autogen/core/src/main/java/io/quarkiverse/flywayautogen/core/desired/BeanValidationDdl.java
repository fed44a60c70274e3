package io.quarkiverse.flywayautogen.core.desired;

import org.hibernate.boot.Metadata;

/**
 * Bean Validation's DDL constraints, as the application's Hibernate adds them to its mapping when its session factory
 * starts: with a Bean Validation provider present and {@code jakarta.persistence.validation.mode} {@code auto} or
 * {@code ddl} (Quarkus' {@code quarkus.hibernate-orm.validation.*}, on by default), Hibernate's
 * {@code BeanValidationIntegrator} turns {@code @NotNull}/{@code @NotBlank}/{@code @NotEmpty} into NOT NULL,
 * {@code @Size}/{@code @Length} into the column length, {@code @Digits} into precision and scale and
 * {@code @Min}/{@code @Max} into CHECKs. The engine builds its Metadata without a session factory, so it runs that
 * step itself, with Hibernate's own code ({@code TypeSafeActivator.applyRelationalConstraints}, the method the
 * integrator calls), not a list of annotations of its own.
 * <p>
 * Hibernate Validator is the application's, never the engine's: it is looked up through the entities' class loader,
 * and nothing here touches a {@code jakarta.validation} type unless it is there ({@link ValidatorFactories} does).
 */
public final class BeanValidationDdl {

    static final String PROVIDER = "org.hibernate.validator.HibernateValidator";

    private BeanValidationDdl() {
    }

    /**
     * Whether the application's Hibernate would apply the constraints by default: Hibernate Validator is on the
     * entities' class path, and the Bean Validation API it implements is the one the engine's Hibernate sees.
     */
    public static boolean providerPresent(ClassLoader entityLoader) {
        try {
            Class<?> api = Class.forName("jakarta.validation.ValidatorFactory", false, Metadata.class.getClassLoader());
            Class<?> provider = Class.forName(PROVIDER, false, entityLoader);
            return api == Class.forName(api.getName(), false, provider.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Adds the constraints of every entity of {@code metadata} to its columns. Fails with a message when asked for
     * while no provider is present, as Hibernate fails with {@code validation.mode=ddl}.
     */
    public static void apply(Metadata metadata, ClassLoader entityLoader) {
        if (!providerPresent(entityLoader)) {
            throw new IllegalStateException("Bean Validation DDL constraints were asked for, but Hibernate Validator ("
                    + PROVIDER + ") is not on the entities' class path; add it, or turn the constraints off"
                    + " (quarkus.hibernate-orm.validation.enabled=false, or --no-bean-validation in the CLI)");
        }
        ValidatorFactories.applyRelationalConstraints(metadata, entityLoader);
    }
}
