package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.model.Schema;

import java.sql.Connection;
import java.util.List;

/** Introspects a live database into the normalised model, so that it compares equal with the desired schema. */
public interface SchemaReader {

    /** The table Flyway keeps its history in: never part of the compared schema. */
    String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

    Schema read(Connection connection);

    /**
     * What the database holds that {@link #read} leaves out of the model, one line each (e.g. an expression index):
     * never compared, so never changed, but reported so nobody thinks it was checked.
     */
    default List<String> notCompared(Connection connection) {
        return List.of();
    }
}
