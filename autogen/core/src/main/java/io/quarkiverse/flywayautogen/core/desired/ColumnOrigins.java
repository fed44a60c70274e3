package io.quarkiverse.flywayautogen.core.desired;

import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Which entity field declares which column ({@code table.column -> Entity.field}), for messages that say what to edit. */
public record ColumnOrigins(Map<String, String> fieldByColumn) {

    public static ColumnOrigins none() {
        return new ColumnOrigins(Map.of());
    }

    public static ColumnOrigins read(Metadata metadata) {
        Map<String, String> map = new TreeMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            String table = entity.getTable().getName().toLowerCase(Locale.ROOT);
            Class<?> type = RenameHintReader.mappedClass(entity);
            String entityName = type != null ? type.getSimpleName() : entity.getEntityName();
            for (Property p : entity.getPropertyClosure()) {
                if (p.getColumnSpan() == 1 && p.getColumns().size() == 1) {
                    map.put(table + "." + p.getColumns().get(0).getName().toLowerCase(Locale.ROOT), entityName + "." + p.getName());
                }
            }
        }
        return new ColumnOrigins(map);
    }

    public String describe(String table, String column) {
        String field = fieldByColumn.get(table + "." + column);
        return field != null ? field + " (column " + table + "." + column + ")" : "column " + table + "." + column;
    }
}
