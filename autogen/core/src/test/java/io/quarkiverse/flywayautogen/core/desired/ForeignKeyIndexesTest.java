package io.quarkiverse.flywayautogen.core.desired;

import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which foreign keys get an index, under which name; on the model, without a database. */
class ForeignKeyIndexesTest {

    private static final ForeignKeyIndexes INDEXING = new ForeignKeyIndexes(NamingConvention.ALEMBIC_DEFAULT);

    private static Table table(String name, List<String> pk, List<UniqueConstraint> uniques, List<Index> indexes,
                               List<ForeignKey> fks, String... columns) {
        List<Column> cols = java.util.Arrays.stream(columns).map(c -> new Column(c, new ColumnType("integer", "INTEGER"), true, null)).toList();
        return new Table(name, cols, new PrimaryKey("pk_" + name, pk), uniques, indexes, fks, List.<CheckConstraint>of());
    }

    private static ForeignKey fk(String parent, String... columns) {
        return new ForeignKey(null, List.of(columns), parent, List.of(columns), null);
    }

    private static List<Index> indexed(Table table) {
        return INDEXING.addTo(Schema.of(List.of(table)), Schema.of(List.of()), RenameHints.none()).requireTable(table.name()).indexes();
    }

    @Test
    void keyLedByTheForeignKeyColumnsInAnyOrderCoversIt() {
        assertTrue(ForeignKeyIndexes.leads(List.of("a", "b", "c"), List.of("b", "a")));
        assertTrue(ForeignKeyIndexes.leads(List.of("a"), List.of("a")));
        assertFalse(ForeignKeyIndexes.leads(List.of("b", "a"), List.of("a")), "a second column is no lead");
        assertFalse(ForeignKeyIndexes.leads(List.of("a"), List.of("a", "b")));
    }

    @Test
    void indexesOnlyWhatNoKeyOrIndexLeads() {
        Table t = table("visit", List.of("pet_id", "day"), List.of(new UniqueConstraint("uq_visit_vet_id", List.of("vet_id"))),
                List.of(new Index("ix_visit_room_id_day", List.of("room_id", "day"), false)),
                List.of(fk("pet", "pet_id"), fk("vet", "vet_id"), fk("room", "room_id"), fk("clinic", "clinic_id")),
                "pet_id", "day", "vet_id", "room_id", "clinic_id");
        assertEquals(List.of(new Index("ix_visit_clinic_id", List.of("clinic_id"), false),
                new Index("ix_visit_room_id_day", List.of("room_id", "day"), false)), indexed(t));
    }

    @Test
    void oneIndexServesAForeignKeyThatLeadsAWiderOne() {
        Table t = table("line", List.of("id"), List.of(), List.of(),
                List.of(fk("orders", "order_id"), fk("order_item", "order_id", "item_no")), "id", "order_id", "item_no");
        assertEquals(List.of(new Index("ix_line_order_id_item_no", List.of("order_id", "item_no"), false)), indexed(t));
    }

    @Test
    void currentIndexUnderAnotherNameIsKeptEvenOnARenamedTable() {
        Table declared = table("pet", List.of("id"), List.of(), List.of(), List.of(fk("owner", "owner_id")), "id", "owner_id", "name");
        Index handWritten = new Index("animal_by_owner", List.of("owner_id", "name"), false);
        Schema current = Schema.of(List.of(table("animal", List.of("id"), List.of(), List.of(handWritten), List.of(), "id", "owner_id", "name")));
        RenameHints renamed = new RenameHints(Map.of("animal", "pet"), Map.of());
        assertEquals(List.of(handWritten), INDEXING.addTo(Schema.of(List.of(declared)), current, renamed).requireTable("pet").indexes());
        assertEquals(List.of(new Index("ix_pet_owner_id", List.of("owner_id"), false)),
                INDEXING.addTo(Schema.of(List.of(declared)), current, RenameHints.none()).requireTable("pet").indexes(),
                "without the rename, animal's index is another table's");
    }

    @Test
    void currentUniqueIndexOrOneOnADroppedColumnIsNotKept() {
        Table declared = table("pet", List.of("id"), List.of(), List.of(), List.of(fk("owner", "owner_id")), "id", "owner_id");
        Schema current = Schema.of(List.of(table("pet", List.of("id"), List.of(), List.of(
                new Index("pet_owner_unique", List.of("owner_id"), true), new Index("pet_owner_gone", List.of("owner_id", "gone"), false)),
                List.of(), "id", "owner_id", "gone")));
        assertEquals(List.of(new Index("ix_pet_owner_id", List.of("owner_id"), false)),
                INDEXING.addTo(Schema.of(List.of(declared)), current, RenameHints.none()).requireTable("pet").indexes());
    }

    @Test
    void longNamesAreShortenedStablyWithinSixtyThreeBytes() {
        String longName = "ix_veterinary_appointment_reminder_notification_responsible_owner_id";
        String shortened = ForeignKeyIndexes.withinLimit(longName);
        assertEquals(63, shortened.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(shortened.matches("ix_veterinary_appointment_reminder_notification_responsibl_[0-9a-f]{4}"), shortened);
        assertEquals(shortened, ForeignKeyIndexes.withinLimit(longName));
        assertNotEquals(shortened, ForeignKeyIndexes.withinLimit(longName.replace("owner", "other")));
        assertEquals("ix_pet_owner_id", ForeignKeyIndexes.withinLimit("ix_pet_owner_id"));
        String accented = ForeignKeyIndexes.withinLimit("ix_" + "é".repeat(40));
        assertTrue(accented.getBytes(StandardCharsets.UTF_8).length <= 63 && accented.startsWith("ix_ééé"), accented);
    }
}
