package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioDialect;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQLite corpus' entity models on PostgreSQL: every model from an empty folder (V1, self-checked with sample
 * rows, Hibernate's validate and persist), applied with Flyway, with no phantom difference afterwards; every
 * evolution (v1 to v2) generated on top, applied, compared, and undone.
 */
class PostgresCorpusTest {

    private static final String MODEL = "io.quarkiverse.flywayautogen.core.corpus.model.";

    static Stream<String> models() {
        return Stream.of(
                "ids.Counter ids.Fruit ids.Gizmo ids.Ticket ids.Token",
                "types.Attachment types.Reading types.Schedule",
                "embedded.Customer",
                "constraints.Book constraints.Country",
                "relations.Owner relations.Pet relations.Course relations.Student",
                "snake.StockItem snake.Warehouse",
                "inheritance.joined.Payment inheritance.joined.CardPayment inheritance.joined.CashPayment",
                "inheritance.perclass.Shape inheritance.perclass.Circle inheritance.perclass.Square",
                "inheritance.single.Vehicle inheritance.single.Car inheritance.single.Truck",
                "checks.Measure",
                "pgtypes.Profile",
                "clinic.Owner clinic.Pet clinic.PetType clinic.Visit clinic.Vet clinic.Specialty",
                "catalog.Product");
    }

    static Stream<String[]> evolutions() {
        return Stream.of(
                new String[]{"evolve.addfield.v1.Gadget", "evolve.addfield.v2.Gadget"},
                new String[]{"evolve.decimal.v1.Price", "evolve.decimal.v2.Price"},
                new String[]{"evolve.length.v1.Label", "evolve.length.v2.Label"},
                new String[]{"evolve.lob.v1.Note", "evolve.lob.v2.Note"},
                new String[]{"evolve.newentity.v1.Author", "evolve.newentity.v2.Author evolve.newentity.v2.Review"},
                new String[]{"evolve.notnull.v1.Member", "evolve.notnull.v2.Member"},
                new String[]{"evolve.bvnotnull.v1.Member", "evolve.bvnotnull.v2.Member"},
                new String[]{"evolve.rename.v1.Crate", "evolve.rename.v2.Box"},
                new String[]{"evolve.renametable.v1.Shelf", "evolve.renametable.v2.Shelf"},
                new String[]{"evolve.widen.v1.Tally", "evolve.widen.v2.Tally"});
    }

    @ParameterizedTest
    @MethodSource("models")
    void modelFromAnEmptyFolderAppliesAndLeavesNoDifference(String names) throws Exception {
        Class<?>[] entities = classes(names);
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL)) {
            AutogenResult v1 = h.generate(entities);
            assertTrue(v1.script().orElseThrow().fileName().startsWith("V1__"), () -> "V1 written: " + v1.written() + " " + v1.warnings());
            h.applyToApp();
            h.assertAppMatches(entities);
            AutogenResult again = h.generate(entities);
            assertTrue(again.operations().isEmpty(), () -> "phantom difference after V1: " + again.operations());
            h.applyUndoToApp(v1);
            assertTrue(h.readAppSchema().tables().isEmpty(), "the undo of V1 drops every table");
        }
    }

    @ParameterizedTest
    @MethodSource("evolutions")
    void evolutionIsGeneratedAppliedAndUndone(String before, String after) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL)) {
            h.generate(AutogenOptions.defaults().withMessage("v1"), classes(before));
            h.applyToApp();
            Class<?>[] entities = classes(after);
            AutogenResult v2 = h.generate(AutogenOptions.defaults().withUndo(true).withAllowDestructive(true).withMessage("v2"), entities);
            assertTrue(!v2.operations().isEmpty(), "the evolution changes the schema");
            {
                h.applyToApp();
                h.assertAppMatches(entities);
                assertTrue(h.generate(entities).operations().isEmpty(), "no phantom difference after V2");
            }
            h.applyUndoToApp(v2);
            h.assertAppMatches(classes(before));
        }
    }

    private static Class<?>[] classes(String names) {
        return Arrays.stream(names.split(" ")).map(n -> {
            try {
                return Class.forName(MODEL + n);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(n, e);
            }
        }).toArray(Class<?>[]::new);
    }

}
