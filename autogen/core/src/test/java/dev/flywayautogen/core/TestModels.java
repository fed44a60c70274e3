package dev.flywayautogen.core;

import dev.flywayautogen.core.sqlite.SqliteTypes;
import dev.flywayautogen.core.model.CheckConstraint;
import dev.flywayautogen.core.model.Column;
import dev.flywayautogen.core.model.ColumnType;
import dev.flywayautogen.core.model.ForeignKey;
import dev.flywayautogen.core.model.Index;
import dev.flywayautogen.core.model.PrimaryKey;
import dev.flywayautogen.core.model.Table;
import dev.flywayautogen.core.model.UniqueConstraint;

import java.util.List;

/** Small model builders for stage tests. */
public final class TestModels {
    private TestModels() {
    }

    public static Column col(String name, String type, boolean nullable, String dflt) {
        return new Column(name, SqliteTypes.of(type), nullable, dflt);
    }

    public static Column id() {
        return col("id", "integer", false, null);
    }

    public static Table table(String name, List<Column> cols, List<ForeignKey> fks) {
        return new Table(name, cols, new PrimaryKey(null, List.of("id")), List.<UniqueConstraint>of(), List.<Index>of(), fks, List.<CheckConstraint>of());
    }

    public static ForeignKey fk(String column, String parent, String onDelete) {
        return new ForeignKey(null, List.of(column), parent, List.of("id"), onDelete);
    }
}
