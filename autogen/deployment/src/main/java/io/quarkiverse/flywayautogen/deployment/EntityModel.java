package io.quarkiverse.flywayautogen.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.quarkiverse.flywayautogen.core.desired.BeanValidationDdl;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;

/**
 * The application's entity classes, from which the engine builds Hibernate's boot Metadata. Read from the root
 * archive's Jandex index rather than from the combined index so that the generator can run before Flyway discovers its migration files (the
 * combined index is built after it, see {@code FlywayAutogenDevModeProcessor}).
 */
final class EntityModel {

    private static final DotName ENTITY = DotName.createSimple("jakarta.persistence.Entity");

    private EntityModel() {
    }

    /**
     * Empty when the application declares no entity: nothing to compare. Named as the application's Hibernate names
     * them: the target's persistence unit's naming strategies; with Bean Validation's DDL constraints as its Hibernate
     * applies them.
     */
    static Optional<EntitySet> read(IndexView index, TargetDatasource target) {
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
                : Optional.of(new EntitySet(entities, loader, target.physicalNamingStrategy(), target.implicitNamingStrategy())
                        // with Hibernate Validator present (the default), unless the persistence unit turns it off
                        .withBeanValidationDdl(target.beanValidationDdl() && BeanValidationDdl.providerPresent(loader)));
    }
}
