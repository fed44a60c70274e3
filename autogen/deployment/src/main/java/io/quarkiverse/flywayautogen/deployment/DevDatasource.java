package io.quarkiverse.flywayautogen.deployment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;

import org.flywaydb.core.Flyway;

import io.quarkiverse.flywayautogen.core.AutogenException;
import java.util.Map;

/**
 * The application's own dev database, as configured ({@code quarkus.datasource[."name"].jdbc.url}, user, password;
 * Flyway's {@code table}) or as Dev Services started it ({@link DevDatabaseServer}): what a draft is undone on and
 * the history fixes work on. Read at build time, so the fixes work while the application is down because its
 * Flyway refused to start.
 */
public record DevDatasource(String jdbcUrl, String user, String password, String historyTable) {

    static Optional<DevDatasource> of(TargetDatasource target) {
        return TargetDatasource.runtimeValue(target.datasourceKey("jdbc.url")).map(url -> new DevDatasource(url,
                TargetDatasource.runtimeValue(target.datasourceKey("username")).orElse(null),
                TargetDatasource.runtimeValue(target.datasourceKey("password")).orElse(null),
                target.historyTable()));
    }

    /** The dev database wherever it is, configured or started by Dev Services. */
    static DevDatasource on(DevDatabaseServer server, TargetDatasource target) {
        return new DevDatasource(server.jdbcUrl(), server.user(), server.password(), target.historyTable());
    }

    /** Through the driver itself: {@code DriverManager} only hands out drivers its caller's class loader sees. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        for (Driver driver : ServiceLoader.load(Driver.class, Thread.currentThread().getContextClassLoader())) {
            if (driver.acceptsURL(jdbcUrl)) {
                return driver.connect(jdbcUrl, properties);
            }
        }
        throw new SQLException("no JDBC driver for " + jdbcUrl);
    }

    /** Flyway on the dev database with the source migrations folder, the one dev mode reads and writes. */
    public Flyway flyway(Path migrations) {
        return Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(jdbcUrl, user, password)
                .table(historyTable)
                .locations("filesystem:" + migrations.toAbsolutePath())
                .ignoreMigrationPatterns("*:pending")
                .cleanDisabled(false)
                .configuration(jdbcUrl.startsWith("jdbc:postgresql:")
                        // as the replay: Flyway's transactional lock would block a CONCURRENTLY script forever
                        ? Map.of("flyway.postgresql.transactional.lock", "false") : Map.of())
                .load();
    }

    /** Whether Flyway's history on the dev database records the version as applied (false: no history yet). */
    public boolean applied(String version) {
        try (Connection c = connect()) {
            if (!hasHistory(c)) {
                return false;
            }
            // the driver's quote: MariaDB reads "..." as a string unless its SQL mode says ANSI_QUOTES
            String q = c.getMetaData().getIdentifierQuoteString().strip();
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM " + q + historyTable + q
                    + " WHERE " + q + "version" + q + " = ? AND " + q + "success" + q)) {
                st.setString(1, version);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getLong(1) > 0;
                }
            }
        } catch (SQLException e) {
            throw new AutogenException("cannot read Flyway's history in the dev database " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private boolean hasHistory(Connection c) throws SQLException {
        try (ResultSet tables = c.getMetaData().getTables(null, null, historyTable, null)) {
            return tables.next();
        }
    }
}
