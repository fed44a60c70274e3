package io.quarkiverse.flywayautogen.core.desired;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidationProviderResolver;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.spi.ValidationProvider;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The {@code jakarta.validation} half of {@link BeanValidationDdl}, loaded only once the provider is known to be
 * there: a ValidatorFactory of the application's provider, handed to Hibernate's own DDL integration.
 */
final class ValidatorFactories {

    private static final String ACTIVATOR = "org.hibernate.boot.beanvalidation.TypeSafeActivator";

    /** Messages are never rendered here; without this, Hibernate Validator's default needs an EL implementation. */
    private static final MessageInterpolator TEMPLATES_ONLY = new MessageInterpolator() {
        @Override
        public String interpolate(String template, Context context) {
            return template;
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return template;
        }
    };

    private ValidatorFactories() {
    }

    static void applyRelationalConstraints(Metadata metadata, ClassLoader entityLoader) {
        MetadataImplementor mapping = (MetadataImplementor) metadata;
        Map<String, Object> settings = mapping.getMetadataBuildingOptions().getServiceRegistry()
                .requireService(ConfigurationService.class).getSettings();
        Dialect dialect = mapping.getDatabase().getDialect();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the provider reads the application's META-INF/validation.xml (constraint mappings) through it
        thread.setContextClassLoader(entityLoader);
        try (ValidatorFactory factory = factory(entityLoader)) {
            // public and static, but in a package-private class: the method BeanValidationIntegrator calls at start-up
            Method apply = Class.forName(ACTIVATOR, true, Metadata.class.getClassLoader()).getMethod("applyRelationalConstraints",
                    ValidatorFactory.class, Collection.class, Map.class, Dialect.class, ClassLoaderAccess.class);
            apply.setAccessible(true);
            apply.invoke(null, factory, metadata.getEntityBindings(), settings, dialect, classes(entityLoader));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Hibernate ORM has no " + ACTIVATOR + ".applyRelationalConstraints"
                    + " to apply Bean Validation's DDL constraints with: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ValidatorFactory factory(ClassLoader entityLoader) {
        ValidationProviderResolver onEntityClassPath = () -> List.copyOf(ServiceLoader.load(ValidationProvider.class, entityLoader)
                .stream().map(ServiceLoader.Provider::get).map(p -> (ValidationProvider<?>) p).toList());
        return Validation.byDefaultProvider().providerResolver(onEntityClassPath).configure()
                .messageInterpolator(TEMPLATES_ONLY)
                .buildValidatorFactory();
    }

    /** The entity classes as the metadata has them: Hibernate resolves them by name. */
    private static ClassLoaderAccess classes(ClassLoader entityLoader) {
        return new ClassLoaderAccess() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Class<T> classForName(String name) {
                try {
                    return (Class<T>) Class.forName(name, false, entityLoader);
                } catch (ClassNotFoundException e) {
                    throw new org.hibernate.boot.registry.classloading.spi.ClassLoadingException("cannot load " + name, e);
                }
            }

            @Override
            public URL locateResource(String resourceName) {
                return entityLoader.getResource(resourceName);
            }
        };
    }
}
