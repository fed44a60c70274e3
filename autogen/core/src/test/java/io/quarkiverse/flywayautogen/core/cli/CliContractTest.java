package io.quarkiverse.flywayautogen.core.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's {@code contract} command after a safe rollout deferred a drop, on a real SQLite file. */
class CliContractTest extends CliProjectTest {

    @BeforeEach
    void setUp() throws Exception {
        copyClasses("io/quarkiverse/flywayautogen/core/scenarios/dropcolumn/after");
        Files.writeString(migrations.resolve("V1__init.sql"), """
                CREATE TABLE pet (
                    id INTEGER PRIMARY KEY,
                    name VARCHAR(255) NOT NULL,
                    species VARCHAR(255) NOT NULL CHECK (species IN ('CAT', 'DOG')),
                    weight INTEGER
                );
                """);
    }

    @Test
    void safeGenerateDefersTheDropCheckExpectsItContractWritesIt() throws Exception {
        assertEquals(Main.IN_SYNC, run(args("generate", "--rollout", "safe")), out + " " + err);
        assertEquals("no changes", out.toString().trim());
        assertTrue(err.toString().contains("deferred to the contract step: drop column pet.weight"), err.toString());
        String deferred = Files.readString(migrations.resolve("flyway-autogen-deferred.txt"));
        assertTrue(deferred.contains("column pet.weight | after V1 |"), deferred);
        assertEquals(Main.IN_SYNC, run(args("check")), "the deferred drop is expected: " + out + " " + err);

        assertEquals(Main.IN_SYNC, run(args("contract")), out + " " + err);
        assertTrue(out.toString().trim().endsWith("V2__contract_drop_column_pet_weight.sql"), out.toString());
        String contract = Files.readString(migrations.resolve("V2__contract_drop_column_pet_weight.sql"));
        assertTrue(contract.contains("drop column pet.weight"), contract);
        assertTrue(!Files.readString(migrations.resolve("flyway-autogen-deferred.txt")).contains("pet.weight"));
        assertEquals(Main.IN_SYNC, run(args("check")), "in sync, and the contract acknowledges its drop: " + out + " " + err);
        assertEquals(Main.IN_SYNC, run(args("contract")));
        assertEquals("nothing deferred to drop", out.toString().trim());
    }
}
