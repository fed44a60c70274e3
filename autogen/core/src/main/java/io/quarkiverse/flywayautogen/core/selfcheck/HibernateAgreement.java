package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.tool.schema.spi.SchemaManagementException;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the application will do with the schema, done on a scratch database first: Hibernate's own schema validation
 * (what {@code schema-management.strategy=validate} runs at start), then one instance of every entity persisted with
 * its real id generator (sequence tables must hold their initial row, identity keys must be assigned) and read back
 * in a new session.
 */
public final class HibernateAgreement {

    private HibernateAgreement() {
    }

    /**
     * Problems found, empty when Hibernate agrees with the schema of {@code database}. Samples that could not be
     * built or stored for a reason of their own (a value a CHECK or unique constraint refuses, a cycle of required
     * references) are added to {@code unsampled} as "could not build a sample" texts and refuse nothing.
     */
    public static List<String> verify(Dialect dialect, EntitySet entities, ScratchDatabase database, List<String> unsampled) {
        List<String> problems = new ArrayList<>();
        SessionFactory factory;
        try {
            factory = sessionFactory(dialect, entities, database);
        } catch (SchemaManagementException e) {
            problems.add("Hibernate's schema validation rejects the result: " + e.getMessage());
            return problems;
        } catch (RuntimeException e) {
            problems.add("Hibernate cannot start on the result: " + rootMessage(e));
            return problems;
        }
        try (factory) {
            SampleEntities samples = new SampleEntities(factory.getMetamodel(),
                    new HibernateMapping(factory.unwrap(SessionFactoryImplementor.class))).build();
            samples.unbuilt().forEach((type, why) -> unsampled.add(SampleFailures.cannotBuild(type.getSimpleName(), why)));
            Map<Class<?>, Object> instances = new LinkedHashMap<>();
            Map<Class<?>, Object> ids = new LinkedHashMap<>();
            Set<Class<?>> failed = new HashSet<>(samples.unbuilt().keySet());
            // one transaction each, parents first: on SQLite an IDENTITY insert holds the write lock that the emulated
            // sequence of a later entity needs in its own transaction (the application's transactions are shorter)
            for (Class<?> type : samples.order()) {
                Optional<String> blocked = samples.withoutReferencesTo(type, failed);
                if (blocked.isPresent()) {
                    unsampled.add(SampleFailures.cannotBuild(type.getSimpleName(), blocked.get()));
                    failed.add(type);
                    continue;
                }
                Object instance = samples.instance(type);
                try {
                    factory.inTransaction(session -> session.persist(instance));
                    instances.put(type, instance);
                    ids.put(type, factory.getPersistenceUnitUtil().getIdentifier(instance));
                } catch (RuntimeException e) {
                    if (SampleFailures.violatesSampleValue(dialect, e) || samples.referencesItself(type) && SampleFailures.leftANullBehind(dialect, e)) {
                        // the made-up values, not the schema: a CHECK the entity declares (low <= high) or a unique
                        // value they happen to repeat; or a row that must be its own parent, which only an id known
                        // before the insert allows
                        unsampled.add(SampleFailures.cannotBuild(type.getSimpleName(), rootMessage(e)));
                        failed.add(type);
                        continue;
                    }
                    problems.add("persisting a " + type.getSimpleName() + " failed: " + rootMessage(e));
                    return problems;
                }
            }
            // read back in a transaction, as the application does: PostgreSQL reads a @Lob (a large object) only in one
            ids.forEach((type, id) -> factory.inTransaction(session -> {
                try {
                    Object found = session.find(type, id);
                    if (found == null) {
                        problems.add("a persisted " + type.getSimpleName() + " (id " + id + ") is not found again");
                    } else {
                        problems.addAll(differences(factory.getMetamodel().entity(type), instances.get(type), found));
                    }
                } catch (RuntimeException e) {
                    if (!driverLacksFeature(e)) {
                        problems.add("reading a persisted " + type.getSimpleName() + " back failed: " + rootMessage(e));
                    }
                }
            }));
        } catch (RuntimeException e) {
            problems.add("reading the persisted entities back failed: " + rootMessage(e));
        }
        return problems;
    }

    private static SessionFactory sessionFactory(Dialect dialect, EntitySet entities, ScratchDatabase database) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(entities.loader()).build();
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("jakarta.persistence.nonJtaDataSource", dialect.dataSource(database))
                .applySetting("hibernate.physical_naming_strategy", entities.physicalNamingStrategy())
                .applySetting("hibernate.hbm2ddl.auto", "validate")
                .applySetting("jakarta.persistence.validation.mode", "none")
                .applySetting("hibernate.cache.use_second_level_cache", "false");
        if (dialect.capabilities().hibernateDialectSet()) {
            // Hibernate recognises PostgreSQL from the connection and warns (HHH90000025) when told; SQLite's
            // community dialect it does not recognise
            settings.applySetting("hibernate.dialect", dialect.hibernateDialect());
            // the grouped extraction asks sqlite-jdbc for every table's columns at once, which it answers with one
            // compound SELECT per table: past SQLite's 500 terms (a few hundred entities) validation cannot start
            settings.applySetting("hibernate.hbm2ddl.jdbc_metadata_extraction_strategy", "individually");
        }
        if (!entities.implicitNamingStrategy().isBlank()) {
            settings.applySetting("hibernate.implicit_naming_strategy", entities.implicitNamingStrategy());
        }
        StandardServiceRegistry registry = settings.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.classes().forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** Basic values of simple types that did not come back as they were stored. */
    private static List<String> differences(EntityType<?> type, Object stored, Object read) {
        List<String> differences = new ArrayList<>();
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            Class<?> javaType = attribute.getJavaType();
            boolean simple = javaType == String.class || javaType.isEnum() || javaType == Integer.class || javaType == Long.class
                    || javaType == int.class || javaType == long.class || javaType == Boolean.class || javaType == boolean.class
                    || javaType == java.time.LocalDate.class || javaType == java.util.UUID.class;
            if (attribute.getPersistentAttributeType() != Attribute.PersistentAttributeType.BASIC || !simple) {
                continue;
            }
            Object before = valueOf(attribute, stored);
            Object after = valueOf(attribute, read);
            if (!Objects.equals(before, after)) {
                differences.add(type.getName() + "." + attribute.getName() + " was stored as " + before + " and read back as " + after);
            }
        }
        return differences;
    }

    private static Object valueOf(Attribute<?, ?> attribute, Object entity) {
        try {
            if (attribute.getJavaMember() instanceof java.lang.reflect.Field f) {
                f.setAccessible(true);
                return f.get(entity);
            }
            if (attribute.getJavaMember() instanceof java.lang.reflect.Method m) {
                m.setAccessible(true);
                return m.invoke(entity);
            }
        } catch (ReflectiveOperationException e) {
            return "<unreadable: " + e + ">";
        }
        return null;
    }

    /**
     * The JDBC driver, not the schema: sqlite-jdbc does not implement {@code ResultSet.getBlob}, which Hibernate uses
     * to read a {@code @Lob byte[]}; the application meets the same limit whatever the migrations say.
     */
    private static boolean driverLacksFeature(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLFeatureNotSupportedException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
