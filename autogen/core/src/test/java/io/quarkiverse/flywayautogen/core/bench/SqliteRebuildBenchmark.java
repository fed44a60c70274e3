package io.quarkiverse.flywayautogen.core.bench;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.widen.Invoice;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.widen.Owner;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.widen.Pet;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the migration the engine generates for widening a parent column (owner.name varchar(50) to varchar(100))
 * on a SQLite file with a large parent and two children (pet: ON DELETE CASCADE, indexed key; invoice: NO ACTION,
 * no index). Uses only the engine's public entry point, so the same main runs against an older engine's classes.
 * Not a test: run with bench/sqlite-rebuild.sh. Args: label, owners (default 1,000,000).
 */
public final class SqliteRebuildBenchmark {

    static final String SCHEMA = """
            CREATE TABLE owner (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, city VARCHAR(255),
                CONSTRAINT pk_owner PRIMARY KEY (id));
            CREATE INDEX ix_owner_city ON owner (city);
            CREATE TABLE pet (id INTEGER NOT NULL, name VARCHAR(255) NOT NULL, owner_id INTEGER NOT NULL,
                CONSTRAINT pk_pet PRIMARY KEY (id),
                CONSTRAINT fk_pet_owner_id_owner FOREIGN KEY (owner_id) REFERENCES owner (id) ON DELETE CASCADE);
            CREATE INDEX ix_pet_owner_id ON pet (owner_id);
            CREATE TABLE invoice (id INTEGER NOT NULL, amount INTEGER, owner_id INTEGER,
                CONSTRAINT pk_invoice PRIMARY KEY (id),
                CONSTRAINT fk_invoice_owner_id_owner FOREIGN KEY (owner_id) REFERENCES owner (id));
            """;

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        String label = args.length > 0 ? args[0] : "engine";
        long owners = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("sqlite-rebuild-bench-");
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__schema.sql"), SCHEMA);
        // As the Pet Manager connects: foreign keys on.
        String url = "jdbc:sqlite:" + dir.resolve("app.db") + "?foreign_keys=true";
        try {
            migrate(url, migrations);
            long start = System.nanoTime();
            fill(url, owners);
            System.out.printf("%s: filled in %.1f s: %s%n", label, seconds(start), rowCounts(url));

            start = System.nanoTime();
            AutogenResult result = new Autogenerate(Dialects.require("sqlite")).generate(
                    List.of(Owner.class, Pet.class, Invoice.class), SqliteRebuildBenchmark.class.getClassLoader(), migrations,
                    AutogenOptions.defaults().withMessage("widen owner name"));
            String script = result.script().orElseThrow().content();
            System.out.printf("%s: generated in %.1f s (self-check included); tables rebuilt: %s%n", label, seconds(start), rebuilt(script));

            start = System.nanoTime();
            migrate(url, migrations);
            double migrateSeconds = seconds(start);
            System.out.printf("%s: widening migration applied in %.2f s; rows after: %s%n", label, migrateSeconds, rowCounts(url));
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void migrate(String url, Path migrations) {
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + migrations).load().migrate();
    }

    /** owners rows, one pet per owner, one invoice for every other owner. */
    private static void fill(String url, long owners) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            String seq = "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < " + owners + ") ";
            st.executeUpdate(seq + "INSERT INTO owner (id, name, city) SELECT i, 'owner ' || i, 'city ' || (i % 100) FROM seq");
            st.executeUpdate(seq + "INSERT INTO pet (id, name, owner_id) SELECT i, 'pet ' || i, i FROM seq");
            st.executeUpdate(seq + "INSERT INTO invoice (id, amount, owner_id) SELECT i, i % 1000, i FROM seq WHERE i % 2 = 0");
            c.commit();
        }
    }

    private static Map<String, Long> rowCounts(String url) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String table : List.of("owner", "pet", "invoice")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static List<String> rebuilt(String script) {
        List<String> tables = new ArrayList<>();
        Matcher m = Pattern.compile("CREATE TABLE \"(\\w+)__autogen_new\"").matcher(script);
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
