package dev.flywayautogen.core.dialect;

import dev.flywayautogen.core.model.Schema;

import java.sql.Connection;

/** Introspects a live database into the normalised model, so that it compares equal with the desired schema. */
public interface SchemaReader {

    /** The table Flyway keeps its history in: never part of the compared schema. */
    String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

    Schema read(Connection connection);
}
