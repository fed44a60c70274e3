package io.quarkiverse.flywayautogen.core.render;

import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quarkiverse.flywayautogen.core.TestModels.col;
import static io.quarkiverse.flywayautogen.core.TestModels.id;
import static io.quarkiverse.flywayautogen.core.TestModels.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeSummaryTest {

    @Test
    void oneOperationNamesItself() {
        assertEquals("add column owner email", ChangeSummary.of(List.of(new AddColumn("owner", col("email", "varchar(255)", true, null)))));
        assertEquals("alter column pets birth_date", ChangeSummary.of(List.of(new AlterColumn("pets",
                col("birth_date", "varchar(10)", true, null), col("birth_date", "varchar(255)", true, null)))));
        assertEquals("rename table pet to animal", ChangeSummary.of(List.of(new RenameTable("pet", "animal"))));
        assertEquals("add_column_owner_email", ScriptRenderer.slug(
                ChangeSummary.of(List.of(new AddColumn("owner", col("email", "varchar(255)", true, null))))));
    }

    @Test
    void severalOperationsSumUpByTable() {
        var email = col("email", "varchar(255)", true, null);
        assertEquals("alter pet", ChangeSummary.of(List.of(new AddColumn("pet", email), new DropColumn("pet", email))));
        assertEquals("alter pet and owner", ChangeSummary.of(List.of(new AddColumn("pet", email), new AddColumn("owner", email))));
        assertEquals("alter pet and more", ChangeSummary.of(List.of(new AddColumn("pet", email), new AddColumn("owner", email),
                new AddColumn("visit", email))));
    }

    @Test
    void longSlugsAreCutBetweenWords() {
        String slug = ScriptRenderer.slug("rename column veterinary_appointments reminder_sent_at to reminder_sent_timestamp");
        assertEquals("rename_column_veterinary_appointments_reminder_sent_at_to", slug);
    }

    @Test
    void sequenceTablesTravelWithTheirEntity() {
        assertEquals("create table Fruit", ChangeSummary.of(List.of(new CreateTable(table("Fruit", List.of(id()), List.of())),
                new CreateTable(table("Fruit_SEQ", List.of(col("next_val", "bigint", true, null)), List.of())))));
    }
}
