package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.scenarios.fkindex.Clinic;
import io.quarkiverse.flywayautogen.core.scenarios.fkindex.Owner;
import io.quarkiverse.flywayautogen.core.scenarios.fkindex.Passport;
import io.quarkiverse.flywayautogen.core.scenarios.fkindex.Pet;
import io.quarkiverse.flywayautogen.core.scenarios.fkindex.Reminder;
import io.quarkiverse.flywayautogen.core.scenarios.fkindex.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code AutogenOptions.indexForeignKeys}: an index for every foreign key that no index, unique constraint or
 * primary key covers, on both databases; read back without a phantom difference; nothing when off.
 */
class ForeignKeyIndexScenarioTest {

    static final Class<?>[] ALL = {Owner.class, Passport.class, Tag.class, Clinic.class, Pet.class, Reminder.class};
    static final Class<?>[] SIMPLE = {io.quarkiverse.flywayautogen.core.scenarios.fkindex.simple.Owner.class,
            io.quarkiverse.flywayautogen.core.scenarios.fkindex.simple.Pet.class};
    static final String OWNER_AND_PET = "CREATE TABLE owner (id ${id}, name VARCHAR(255) NOT NULL);"
            + "CREATE TABLE pet (id ${id}, name VARCHAR(255) NOT NULL, owner_id INTEGER REFERENCES owner (id));";
    static final String LONG_TABLE = "veterinary_appointment_reminder_notification";

    static AutogenOptions indexing() {
        return AutogenOptions.defaults().withUndo(true).withMessage("scenario").withIndexForeignKeys(true);
    }

    static AutogenResult check(ScenarioHarness h, AutogenOptions options, Class<?>... entities) {
        return new Autogenerate(h.on.dialect()).check(List.of(entities), ScenarioHarness.class.getClassLoader(), h.migrations, options);
    }

    /** Index name to columns, per table, of the tables the operations create. */
    static Map<String, Map<String, List<String>>> createdIndexes(List<Operation> ops) {
        Map<String, Map<String, List<String>>> indexes = new TreeMap<>();
        for (Operation op : ops) {
            if (op instanceof CreateTable c) {
                Map<String, List<String>> of = indexes.computeIfAbsent(c.table(), t -> new TreeMap<>());
                c.definition().indexes().forEach(i -> of.put(i.name(), i.columns()));
            } else if (op instanceof CreateIndex c) {
                indexes.computeIfAbsent(c.table(), t -> new TreeMap<>()).put(c.index().name(), c.index().columns());
            }
        }
        return indexes;
    }

    static Map<String, List<String>> indexes(Table table) {
        Map<String, List<String>> of = new TreeMap<>();
        table.indexes().forEach(i -> of.put(i.name(), i.columns()));
        return of;
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void firstMigrationIndexesEveryUncoveredForeignKey(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on)) {
            AutogenResult result = h.generate(indexing(), ALL);
            Map<String, Map<String, List<String>>> created = createdIndexes(result.operations());
            String longName = created.get(LONG_TABLE).keySet().iterator().next();
            assertEquals(Map.of("ix_pet_breeder_id_name", List.of("breeder_id", "name"),
                    "ix_pet_owner_id", List.of("owner_id"),
                    "ix_pet_clinic_code_clinic_country", List.of("clinic_code", "clinic_country")), created.get("pet"),
                    "breeder_id leads the declared index, passport_id is unique: both covered");
            assertEquals(Map.of("ix_pet_tag_tag_id", List.of("tag_id")), created.get("pet_tag"), "pet_id leads the primary key");
            assertEquals(Map.of(longName, List.of("responsible_veterinarian_owner_id")), created.get(LONG_TABLE));
            assertTrue(longName.startsWith("ix_veterinary_appointment_reminder_notification_resp")
                    && longName.getBytes(StandardCharsets.UTF_8).length <= 63, longName);
            for (String table : List.of("owner", "passport", "tag", "clinic")) {
                assertEquals(Map.of(), created.get(table), table);
            }
            assertTrue(h.scriptText(result).contains(on.either(
                    "CREATE INDEX \"ix_pet_tag_tag_id\" ON \"pet_tag\" (\"tag_id\")",
                    "CREATE INDEX \"ix_pet_tag_tag_id\" ON \"pet_tag\" (\"tag_id\")")), h.scriptText(result));

            h.applyToApp();
            Schema app = h.readAppSchema();
            assertEquals(created.get("pet"), indexes(app.requireTable("pet")));
            assertEquals(created.get("pet_tag"), indexes(app.requireTable("pet_tag")));
            assertEquals(created.get(LONG_TABLE), indexes(app.requireTable(LONG_TABLE)), "the shortened name reads back as declared");
            assertEquals(List.of(), check(h, indexing(), ALL).operations(), "read back, the indexes leave nothing to do");
            MultiTableScenariosTest.applyUndoAndCheck(h, result, Map.of());
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void offByDefaultTheSchemaIsExactlyHibernates(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on)) {
            AutogenResult result = h.generate(ALL);
            Schema declared = ScenarioHarness.desired(on.dialect(), ALL);
            assertEquals(new SchemaComparator().compare(h.beforeSchema(), declared, RenameHints.none()).operations(),
                    result.operations());
            assertEquals(Map.of("pet", Map.of("ix_pet_breeder_id_name", List.of("breeder_id", "name"))),
                    createdIndexes(result.operations()).entrySet().stream().filter(e -> !e.getValue().isEmpty())
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void checkReportsTheMissingIndexOfAnExistingForeignKey(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, OWNER_AND_PET)) {
            h.rows("INSERT INTO owner (id, name) VALUES (1, 'Ann')", "INSERT INTO pet (id, name, owner_id) VALUES (1, 'Rex', 1)");
            assertEquals(List.of(), check(h, AutogenOptions.defaults(), SIMPLE).operations(), "off: in sync");
            assertEquals(List.of(new CreateIndex("pet", new Index("ix_pet_owner_id", List.of("owner_id"), false))),
                    check(h, indexing(), SIMPLE).operations());

            AutogenResult result = h.generate(indexing(), SIMPLE);
            assertEquals(List.of(CreateIndex.class), MultiTableScenariosTest.types(result.operations()));
            h.applyToApp();
            assertEquals(Map.of("ix_pet_owner_id", List.of("owner_id")), indexes(h.readAppSchema().requireTable("pet")));
            assertEquals(List.of(), check(h, indexing(), SIMPLE).operations());
            assertEquals(1, h.count("SELECT count(*) FROM pet"));
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void handWrittenIndexUnderAnotherNameCoversTheForeignKey(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, OWNER_AND_PET + "CREATE INDEX pet_by_owner ON pet (owner_id, name);")) {
            assertEquals(List.of(), check(h, indexing(), SIMPLE).operations(), "no duplicate, no rename");
            assertTrue(h.generate(indexing(), SIMPLE).script().isEmpty());
        }
    }
}
