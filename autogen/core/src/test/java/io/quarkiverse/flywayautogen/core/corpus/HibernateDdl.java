package io.quarkiverse.flywayautogen.core.corpus;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hibernate's own DDL for a set of entities and a dialect, as {@code jakarta.persistence.schema-generation.scripts} writes
 * it without a database (the way the engine and Quarkus build their metadata): the corpus' reference schema.
 * <p>
 * Not {@code hbm2ddl.auto=create} on a file: connected, Hibernate 7.2 declares an IDENTITY key with no type at all
 * ({@code CREATE TABLE Counter (hits integer not null, id, ...)}), which is then no rowid alias (the row keeps a
 * NULL id while Hibernate reports 1) and makes Hibernate's own validation fail with a NoSuchElementException.
 */
public final class HibernateDdl {

    private HibernateDdl() {
    }

    /** One statement a line, e.g. {@code create table Fruit_SEQ (next_val bigint);} then its {@code insert}. */
    static List<String> script(String physicalNamingStrategy, Class<?>... entities) {
        return script(SQLiteDialect.class.getName(), physicalNamingStrategy, entities);
    }

    /**
     * What the application's Hibernate creates with Bean Validation on ({@code jakarta.persistence.validation.mode=ddl},
     * Hibernate Validator on the class path): the script is written while a session factory starts, after Hibernate's
     * {@code BeanValidationIntegrator} added {@code @NotNull}, {@code @Size}, {@code @Min}... to the mapping. The
     * session factory has no database: JDBC metadata access is off, as for {@link #script}.
     */
    public static List<String> scriptWithBeanValidation(String hibernateDialect, String physicalNamingStrategy, Class<?>... entities) {
        StringWriter script = new StringWriter();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.dialect", hibernateDialect)
                .applySetting("hibernate.physical_naming_strategy", physicalNamingStrategy)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("jakarta.persistence.validation.mode", "ddl")
                .applySetting("hibernate.column_ordering_strategy", "legacy")
                .applySetting("jakarta.persistence.schema-generation.scripts.action", "create")
                .applySetting("jakarta.persistence.schema-generation.scripts.create-target", script)
                .applySetting("hibernate.hbm2ddl.delimiter", ";")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            Arrays.stream(entities).forEach(sources::addAnnotatedClass);
            sources.buildMetadata().buildSessionFactory().close();
            return script.toString().lines().filter(l -> !l.isBlank()).toList();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** For another dialect (class name), e.g. PostgreSQL's. */
    public static List<String> script(String hibernateDialect, String physicalNamingStrategy, Class<?>... entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.dialect", hibernateDialect)
                .applySetting("hibernate.physical_naming_strategy", physicalNamingStrategy)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            Arrays.stream(entities).forEach(sources::addAnnotatedClass);
            StringWriter script = new StringWriter();
            Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
            settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
            settings.put("jakarta.persistence.schema-generation.scripts.create-target", script);
            settings.put("hibernate.hbm2ddl.delimiter", ";");
            SchemaManagementToolCoordinator.process(sources.buildMetadata(), registry, settings, action -> { });
            return script.toString().lines().filter(l -> !l.isBlank()).toList();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
