package io.quarkiverse.flywayautogen.core.selfcheck;

import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Type;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Assigned;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

/** What {@link SampleEntities} asks of a mapping, answered from Hibernate's runtime model of it. */
record HibernateMapping(SessionFactoryImplementor factory) implements SampleEntities.Mapping {

    @Override
    public boolean idIsAssigned(Class<?> entity) {
        // composite keys (@IdClass, @EmbeddedId) are always given by the application
        EntityType<?> type = factory.getJpaMetamodel().entity(entity);
        return !type.hasSingleIdAttribute() || type.getIdType().getPersistenceType() == Type.PersistenceType.EMBEDDABLE
                || persister(entity).getGenerator() instanceof Assigned;
    }

    @Override
    public boolean owns(Class<?> entity, String attribute) {
        AttributeMapping mapping = persister(entity).findAttributeMapping(attribute);
        if (mapping instanceof ToOneAttributeMapping toOne) {
            return toOne.getSideNature() == ForeignKeyDescriptor.Nature.KEY;
        }
        if (mapping instanceof PluralAttributeMapping plural) {
            return !plural.getCollectionDescriptor().isInverse();
        }
        return true; // key parts (@Id @ManyToOne) are not attribute mappings of their own: they hold the key
    }

    @Override
    public boolean required(Class<?> entity, String attribute) {
        AttributeMapping mapping = persister(entity).findAttributeMapping(attribute);
        return mapping instanceof ToOneAttributeMapping toOne && !toOne.isNullable();
    }

    private EntityPersister persister(Class<?> entity) {
        return factory.getMappingMetamodel().getEntityDescriptor(entity);
    }
}
