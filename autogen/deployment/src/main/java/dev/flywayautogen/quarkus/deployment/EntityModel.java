package dev.flywayautogen.quarkus.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import dev.flywayautogen.core.desired.EntitySet;

/**
 * The application's entity classes, from which the engine builds Hibernate's boot Metadata. Read from the root
 * archive's Jandex index rather than from the combined index so that the generator can run before Flyway discovers its migration files (the
 * combined index is built after it, see {@code FlywayAutogenDevModeProcessor}).
 */
final class EntityModel {

    private static final DotName ENTITY = DotName.createSimple("jakarta.persistence.Entity");

    private EntityModel() {
    }

    /** The names the application's Hibernate gives tables and columns; Quarkus keeps Java names unless told. */
    static String physicalNamingStrategy() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.hibernate-orm.physical-naming-strategy", String.class)
                .orElse("org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl");
    }

    /** Hibernate's default unless configured (blank), as Quarkus leaves it. */
    static String implicitNamingStrategy() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.hibernate-orm.implicit-naming-strategy", String.class).orElse("");
    }

    /** Empty when the application declares no entity: nothing to compare. */
    static Optional<EntitySet> read(IndexView index) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> entities = new ArrayList<>();
        for (AnnotationInstance entity : index.getAnnotations(ENTITY)) {
            if (entity.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            String name = entity.target().asClass().name().toString();
            try {
                entities.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load entity " + name, e);
            }
        }
        return entities.isEmpty() ? Optional.empty()
                : Optional.of(new EntitySet(entities, loader, physicalNamingStrategy(), implicitNamingStrategy()));
    }
}
