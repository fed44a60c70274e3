package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.testsupport.PostgresTestServer;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Quarkus' Flyway extension applies the safe rollout form's second script outside a transaction, as the
 * {@code V2__....sql.conf} beside it says ({@code executeInTransaction=false}): without it,
 * {@code CREATE INDEX CONCURRENTLY} fails ("cannot run inside a transaction block") and the application does not
 * start. Quarkus lists every file of the migration locations at build time (FlywayProcessor walks them, no
 * extension filter), so the .conf is found by its scanner, and is registered as a native-image resource the same way.
 * Runs migrate-at-start on a database of its own on the test PostgreSQL server.
 * <p>
 * Quarkus has no key for Flyway's {@code postgresql.transactional.lock}: by default Flyway holds its lock in a
 * transaction left open on another connection, and {@code CREATE INDEX CONCURRENTLY} waits for that transaction
 * to end, i.e. for ever; with the script's {@code lock_timeout} it fails after 5 s instead ("canceling statement
 * due to lock timeout"). The application here declares nothing: the extension sees the script configured outside a
 * transaction and gives Flyway its session-level lock ({@code FlywaySessionLock}), also with dev mode's generation off.
 */
class FlywayScriptConfigPickedUpTest {

    static final String DATABASE = createDatabase();

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addAsResource(new StringAsset("CREATE TABLE pet (id bigint PRIMARY KEY, name varchar(255));\n"
                            + "INSERT INTO pet VALUES (1, 'Rex'), (2, 'Tom');\n"), "db/migration/V1__pet.sql")
                    .addAsResource(new StringAsset("-- Runs outside a transaction\n"
                            + "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\n"
                            + "CREATE INDEX CONCURRENTLY \"ix_pet_name\" ON \"pet\" (\"name\");\n"
                            + "RESET lock_timeout;\nRESET statement_timeout;\n"), "db/migration/V2__pet_name_concurrently.sql")
                    .addAsResource(new StringAsset("executeInTransaction=false\n"),
                            "db/migration/V2__pet_name_concurrently.sql.conf")
                    .addAsResource(new StringAsset("quarkus.datasource.db-kind=postgresql\n"
                            + "quarkus.datasource.jdbc.url=" + PostgresTestServer.database(DATABASE) + "\n"
                            + "quarkus.datasource.username=" + PostgresTestServer.USER + "\n"
                            + "quarkus.datasource.password=" + PostgresTestServer.PASSWORD + "\n"
                            + "quarkus.datasource.devservices.enabled=false\n"
                            + "quarkus.flyway.migrate-at-start=true\n"
                            + "quarkus.flyway-autogen.enabled=false\n"), "application.properties"));

    @Inject
    Flyway flyway;

    /**
     * Once per run: the class is initialised twice, by JUnit and in Quarkus' class loader, and both must name the
     * database the application migrated (a system property is shared by both loaders).
     */
    static synchronized String createDatabase() {
        String known = System.getProperty(FlywayScriptConfigPickedUpTest.class.getName());
        if (known != null) {
            return known;
        }
        String name = "autogen_sqlconf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        System.setProperty(FlywayScriptConfigPickedUpTest.class.getName(), name);
        try {
            PostgresTestServer.admin("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("the test PostgreSQL server must answer: " + e.getMessage(), e);
        }
        return name;
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        PostgresTestServer.admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void concurrentIndexScriptRanOutsideATransactionAtStart() throws SQLException {
        assertEquals("2", flyway.info().current().getVersion().getVersion());
        try (Connection c = DriverManager.getConnection(PostgresTestServer.database(DATABASE), PostgresTestServer.USER,
                PostgresTestServer.PASSWORD); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                        + " WHERE c.relname = 'ix_pet_name'")) {
            rs.next();
            assertEquals(true, rs.getBoolean(1), "the index exists and is valid");
        }
    }
}
