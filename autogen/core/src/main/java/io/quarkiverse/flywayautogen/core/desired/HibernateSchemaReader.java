package io.quarkiverse.flywayautogen.core.desired;

import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.EnumType;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.IdentifierCase;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Sequence;
import io.quarkiverse.flywayautogen.core.model.SqlText;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;
import org.hibernate.annotations.OnDeleteAction;
import io.quarkiverse.flywayautogen.core.model.TypeRules;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.InitCommand;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.UniqueKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desired schema: what Hibernate's boot {@link Metadata} declares, as the model. Names are Hibernate's physical
 * names, case kept (its validation looks them up as spelled); types are those of the dialect the Metadata was built
 * with, spelled by the target's {@link TypeRules}; hashed constraint names are replaced by the naming convention.
 * Tables Hibernate fills when it creates them (the emulated sequences' {@code <name>_SEQ} tables) carry its own
 * init commands.
 */
public final class HibernateSchemaReader {

    private final NamingConvention naming;
    private final TypeRules types;
    private final IdentifierCase identifierCase;

    public HibernateSchemaReader(NamingConvention naming, TypeRules types) {
        this(naming, types, IdentifierCase.PRESERVE);
    }

    public HibernateSchemaReader(NamingConvention naming, TypeRules types, IdentifierCase identifierCase) {
        this.naming = naming;
        this.types = types;
        this.identifierCase = identifierCase;
    }

    public Schema read(Metadata metadata) {
        List<Table> tables = new ArrayList<>();
        SqlStringGenerationContext sqlContext = SqlStringGenerationContextImpl.fromExplicit(
                metadata.getDatabase().getJdbcEnvironment(), metadata.getDatabase(), null, null);
        for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
            if (table.isPhysicalTable() && !table.isAbstractUnionTable()) { // an abstract SINGLE_TABLE root is a table
                tables.add(readTable(metadata, table, sqlContext));
            }
        }
        return Schema.of(tables).withSequences(sequences(metadata)).withEnumTypes(enumTypes(metadata, sqlContext));
    }

    /**
     * The named enum types Hibernate declares ({@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} on PostgreSQL), read off its
     * own create statement among the auxiliary objects, so name and value order are exactly Hibernate's.
     */
    private List<EnumType> enumTypes(Metadata metadata, SqlStringGenerationContext sqlContext) {
        List<EnumType> types = new ArrayList<>();
        Dialect dialect = metadata.getDatabase().getDialect();
        for (AuxiliaryDatabaseObject object : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
            if (!object.appliesToDialect(dialect)) {
                continue;
            }
            for (String sql : object.sqlCreateStrings(sqlContext)) {
                Matcher create = CREATE_ENUM_TYPE.matcher(sql.trim());
                if (create.matches()) {
                    List<String> values = new ArrayList<>();
                    Matcher literal = SQL_STRING.matcher(create.group(2));
                    while (literal.find()) {
                        values.add(literal.group(1).replace("''", "'"));
                    }
                    types.add(new EnumType(name(create.group(1)), values));
                }
            }
        }
        return types;
    }

    private static final Pattern CREATE_ENUM_TYPE = Pattern.compile("(?is)create\\s+type\\s+(\\S+)\\s+as\\s+enum\\s*\\((.*)\\)\\s*;?");
    private static final Pattern SQL_STRING = Pattern.compile("'((?:[^']|'')*)'");

    /** Hibernate's sequences, where the dialect has them; on SQLite they are {@code _SEQ} tables, read above. */
    private List<Sequence> sequences(Metadata metadata) {
        List<Sequence> sequences = new ArrayList<>();
        if (!metadata.getDatabase().getDialect().getSequenceSupport().supportsSequences()) {
            return sequences;
        }
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                Identifier name = sequence.getName().getSequenceName();
                sequences.add(new Sequence(name.isQuoted() ? name.getText() : identifierCase.unquoted(name.getText()),
                        sequence.getInitialValue(), sequence.getIncrementSize()));
            }
        }
        return sequences;
    }

    private Table readTable(Metadata metadata, org.hibernate.mapping.Table table, SqlStringGenerationContext sqlContext) {
        String name = name(table.getQuotedName());
        boolean comments = metadata.getDatabase().getDialect().supportsCommentOn();
        List<String> pkColumns = table.hasPrimaryKey()
                ? table.getPrimaryKey().getColumns().stream().map(c -> name(c.getQuotedName())).toList() : List.of();
        List<Column> columns = new ArrayList<>();
        Set<UniqueConstraint> uniques = new LinkedHashSet<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String columnName = name(column.getQuotedName());
            boolean inPk = pkColumns.contains(columnName);
            String sqlType = column.getSqlType(metadata);
            ColumnType type = column.isIdentity() ? types.identity(sqlType) : types.type(sqlType);
            columns.add(new Column(columnName, type, column.isNullable() && !inPk,
                    SqlText.normaliseDefault(column.getDefaultValue()), comments ? blankToNull(column.getComment()) : null));
            if (column.isUnique() && !(pkColumns.size() == 1 && inPk)) {
                uniques.add(new UniqueConstraint(naming.uniqueName(name, List.of(columnName)), List.of(columnName)));
            }
            List<String> unnamed = new ArrayList<>();
            for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) {
                if (check.isNamed()) {
                    checks.add(new CheckConstraint(name(check.getName()), SqlText.normaliseExpression(check.getConstraint())));
                } else {
                    unnamed.add(check.getConstraint());
                }
            }
            if (!unnamed.isEmpty()) {
                // as Hibernate's DDL declares them: a column's unnamed checks (Bean Validation's @Min and @Max) as one;
                // sorted, as the validator hands them over in no set order and the next run must see the same text
                unnamed.sort(null);
                checks.add(new CheckConstraint(naming.checkName(name, List.of(columnName)),
                        SqlText.normaliseExpression(String.join(" and ", unnamed))));
            }
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            List<String> cols = key.getColumns().stream().map(c -> name(c.getQuotedName())).toList();
            if (!cols.equals(pkColumns)) {
                String keyName = NamingConvention.isGeneratedName(key.getName()) ? naming.uniqueName(name, cols) : name(key.getName());
                uniques.add(new UniqueConstraint(keyName, cols));
            }
        }
        int unnamedCheck = 0;
        for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
            String checkName = check.isNamed() ? name(check.getName())
                    : naming.checkName(name, List.of(String.valueOf(++unnamedCheck)));
            checks.add(new CheckConstraint(checkName, SqlText.normaliseExpression(check.getConstraint())));
        }
        List<String> init = new ArrayList<>();
        for (InitCommand command : table.getInitCommands(sqlContext)) {
            init.addAll(Arrays.asList(command.initCommands()));
        }
        return new Table(name, columns, new PrimaryKey(naming.primaryKeyName(name, pkColumns), pkColumns),
                List.copyOf(uniques), indexes(table, name), foreignKeys(table, name), checks, init);
    }

    private List<Index> indexes(org.hibernate.mapping.Table table, String tableName) {
        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            List<String> cols = index.getSelectables().stream()
                    .map(s -> s instanceof org.hibernate.mapping.Column c ? c.getQuotedName() : s.getText()).map(this::name).toList();
            String indexName = NamingConvention.isGeneratedName(index.getName()) ? naming.indexName(tableName, cols) : name(index.getName());
            indexes.add(new Index(indexName, cols, false));
        }
        return indexes;
    }

    private List<ForeignKey> foreignKeys(org.hibernate.mapping.Table table, String tableName) {
        List<ForeignKey> fks = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey fk : table.getForeignKeyCollection()) {
            if (!fk.isPhysicalConstraint() || !fk.isCreationEnabled() || fk.getReferencedTable() == null) {
                continue;
            }
            List<String> cols = fk.getColumns().stream().map(c -> name(c.getQuotedName())).toList();
            org.hibernate.mapping.Table parent = fk.getReferencedTable();
            List<String> refCols = fk.getReferencedColumns().isEmpty()
                    ? parent.getPrimaryKey().getColumns().stream().map(c -> name(c.getQuotedName())).toList()
                    : fk.getReferencedColumns().stream().map(c -> name(c.getQuotedName())).toList();
            String parentName = name(parent.getQuotedName());
            String fkName = NamingConvention.isGeneratedName(fk.getName()) ? naming.foreignKeyName(tableName, cols, parentName) : name(fk.getName());
            fks.add(new ForeignKey(fkName, cols, parentName, refCols, onDelete(fk.getOnDeleteAction())));
        }
        return fks;
    }

    private static String onDelete(OnDeleteAction action) {
        if (action == null) {
            return ForeignKey.NO_ACTION;
        }
        return switch (action) {
            case CASCADE -> "CASCADE";
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
            case RESTRICT -> "RESTRICT";
            default -> ForeignKey.NO_ACTION;
        };
    }

    private static String blankToNull(String comment) {
        return comment == null || comment.isBlank() ? null : comment;
    }

    /** The name as the database stores it: a quoted one as written, an unquoted one as the database folds it. */
    private String name(String s) {
        return isQuoted(s) ? unquoted(s) : identifierCase.unquoted(s);
    }

    private static boolean isQuoted(String s) {
        return s.length() > 1 && (s.startsWith("`") || s.startsWith("\""));
    }

    /** Hibernate's text without the quotes it may carry. */
    private static String unquoted(String s) {
        return s.length() > 1 && (s.startsWith("`") || s.startsWith("\"")) ? s.substring(1, s.length() - 1) : s;
    }
}
