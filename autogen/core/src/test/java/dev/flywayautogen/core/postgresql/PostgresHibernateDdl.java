package dev.flywayautogen.core.postgresql;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hibernate's own PostgreSQL DDL for a set of entities, written as a script without a database: the reference. */
final class PostgresHibernateDdl {

    private PostgresHibernateDdl() {
    }

    static List<String> script(Class<?>... entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.dialect", PostgreSQLDialect.class.getName())
                .applySetting("hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName())
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
