package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.desired.EntityBootstrap;
import io.quarkiverse.flywayautogen.core.desired.HibernateSchemaReader;
import io.quarkiverse.flywayautogen.core.desired.NamingConvention;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.test.model.Animal;
import io.quarkiverse.flywayautogen.test.model.MetadataCapture;
import io.quarkiverse.flywayautogen.test.model.Owner;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The engine reads the {@link Metadata} Quarkus builds (captured by a Hibernate {@code Integrator}) exactly as it
 * reads its own plain Hibernate bootstrap over the same classes, so either source gives the same migrations.
 */
class QuarkusMetadataTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Owner.class, Animal.class, Animal.Kind.class, MetadataCapture.class)
                    .addAsResource(new StringAsset(MetadataCapture.class.getName()),
                            "META-INF/services/org.hibernate.integrator.spi.Integrator")
                    .addAsResource(new StringAsset("quarkus.datasource.db-kind=sqlite\n"
                            + "quarkus.datasource.jdbc.url=jdbc:sqlite:target/quarkus-metadata.db\n"
                            + "quarkus.flyway.migrate-at-start=false\n"
                            + "quarkus.hibernate-orm.schema-management.strategy=none\n"
                            + "quarkus.hibernate-orm.dialect=org.hibernate.community.dialect.SQLiteDialect\n"),
                            "application.properties"));

    private static Metadata plainBootstrap() {
        return EntityBootstrap.sqliteMetadata(List.of(Owner.class, Animal.class),
                Thread.currentThread().getContextClassLoader(), PhysicalNamingStrategyStandardImpl.class.getName());
    }

    @Test
    void quarkusMetadataGivesTheSameSchemaAsAPlainBootstrap() {
        Metadata quarkus = MetadataCapture.metadata();
        assertNotNull(quarkus, "the Integrator saw Quarkus' boot metadata");
        HibernateSchemaReader reader = new HibernateSchemaReader(NamingConvention.ALEMBIC_DEFAULT, io.quarkiverse.flywayautogen.core.sqlite.SqliteTypes.RULES);

        Schema fromQuarkus = reader.read(quarkus);

        assertEquals(List.of("animals", "owners"), fromQuarkus.tables().stream().map(Table::name).toList());
        Table animals = fromQuarkus.tables().get(0);
        assertEquals(1, animals.foreignKeys().size(), animals.toString());
        assertEquals(1, animals.indexes().size(), animals.toString());
        assertTrue(animals.checks().stream().anyMatch(c -> c.toString().contains("'DOG'")), animals.toString());
        assertEquals(reader.read(plainBootstrap()), fromQuarkus);
    }

    @Test
    void aMigrationGeneratedFromThePlainBootstrapIsInSyncWithQuarkusMetadata() throws Exception {
        Path migrations = Files.createTempDirectory("quarkus-metadata-migrations");
        AutogenResult generated = Autogenerate.forDialect("sqlite").generate(plainBootstrap(), migrations,
                AutogenOptions.defaults());
        assertEquals(1, generated.written().size(), generated.toString());

        AutogenResult check = Autogenerate.forDialect("sqlite").check(MetadataCapture.metadata(), migrations,
                AutogenOptions.defaults());

        assertTrue(check.inSync(), check.operations().toString());
    }
}
