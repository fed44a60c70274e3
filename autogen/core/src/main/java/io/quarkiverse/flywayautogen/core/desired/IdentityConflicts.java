package io.quarkiverse.flywayautogen.core.desired;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.TypeRules;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;

import java.util.ArrayList;
import java.util.List;

/**
 * Where Hibernate disagrees with itself: an identity key whose Java type the dialect cannot declare as a
 * database-generated key. On SQLite only an {@code INTEGER PRIMARY KEY} is assigned by the database, and Hibernate
 * creates it so, but its validation then expects the Java type's own column type ({@code bigint} for a Long) and
 * the application does not start. No migration can satisfy both, so nothing is generated and the field is named
 * with what to declare.
 */
public final class IdentityConflicts {

    private IdentityConflicts() {
    }

    public static void check(Metadata metadata, TypeRules types) {
        List<String> problems = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getIdentifier() == null || entity.getIdentifierProperty() == null) {
                continue;
            }
            for (Column column : entity.getIdentifier().getColumns()) {
                if (!column.isIdentity()) {
                    continue;
                }
                String declared = column.getSqlType(metadata);
                ColumnType asIdentity = types.identity(declared);
                if (!asIdentity.sameTypeAs(types.type(declared))) {
                    String field = simpleName(entity.getClassName()) + "." + entity.getIdentifierProperty().getName();
                    problems.add(field + " is an IDENTITY key of Java type "
                            + entity.getIdentifierProperty().getType().getReturnedClass().getSimpleName()
                            + ": the database assigns it only as " + asIdentity + " but Hibernate's validation expects "
                            + types.type(declared) + ". Declare @JdbcTypeCode(SqlTypes.INTEGER) on " + field
                            + ", or use a sequence (@GeneratedValue(strategy = SEQUENCE), as PanacheEntity does) or a UUID id");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AutogenException(String.join("\n", problems));
        }
    }

    private static String simpleName(String className) {
        return className == null ? "?" : className.substring(className.lastIndexOf('.') + 1);
    }
}
