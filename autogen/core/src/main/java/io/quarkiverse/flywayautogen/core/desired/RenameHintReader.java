package io.quarkiverse.flywayautogen.core.desired;

import io.quarkiverse.flywayautogen.RenamedFrom;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@link RenamedFrom} hints from the mapped entity classes, resolved to table and column names. */
public final class RenameHintReader {

    private RenameHintReader() {
    }

    public static RenameHints read(Metadata metadata) {
        Map<String, String> tables = new TreeMap<>();
        Map<String, Map<String, String>> columns = new TreeMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> type = mappedClass(entity);
            if (type == null) {
                continue;
            }
            String table = unquoted(entity.getTable().getName());
            RenamedFrom tableHint = type.getAnnotation(RenamedFrom.class);
            if (tableHint != null) {
                tables.put(tableHint.value(), table);
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    RenamedFrom hint = field.getAnnotation(RenamedFrom.class);
                    if (hint == null) {
                        continue;
                    }
                    Property property = findProperty(entity, field.getName());
                    if (property == null || property.getColumnSpan() != 1) {
                        throw new IllegalArgumentException("@RenamedFrom on " + type.getSimpleName() + "." + field.getName()
                                + " must annotate a field mapped to exactly one column");
                    }
                    String column = unquoted(property.getColumns().get(0).getName());
                    columns.computeIfAbsent(table, k -> new TreeMap<>()).put(hint.value(), column);
                }
            }
        }
        return new RenameHints(tables, columns);
    }

    /** Null when the class cannot be loaded here (e.g. Metadata built from class names at build time). */
    static Class<?> mappedClass(PersistentClass entity) {
        try {
            return entity.getMappedClass();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static Property findProperty(PersistentClass entity, String name) {
        if (entity.getIdentifierProperty() != null && entity.getIdentifierProperty().getName().equals(name)) {
            return entity.getIdentifierProperty();
        }
        for (Property p : entity.getPropertyClosure()) {
            if (p.getName().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static String unquoted(String name) {
        return name.length() > 1 && (name.startsWith("`") || name.startsWith("\"")) ? name.substring(1, name.length() - 1) : name;
    }
}
