package io.quarkiverse.flywayautogen.core;

import io.quarkiverse.flywayautogen.core.sqlite.SqliteTypes;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;

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
