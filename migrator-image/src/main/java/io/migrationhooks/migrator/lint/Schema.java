package io.migrationhooks.migrator.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * What the linter knows of the schema from the scripts it has read so far: which tables the
 * pending migrations create (so no live query uses them yet), column types, and which table an
 * index is on. Built statement by statement, in migration order; one instance per lint run.
 */
public final class Schema {
    private final Set<String> newTables = new HashSet<>();
    private final Map<String, Map<String, String>> columnTypes = new HashMap<>();
    private final Map<String, String> indexTables = new HashMap<>();

    /** True for a table created by an earlier statement of the pending migrations. */
    public boolean isNew(Table table) {
        return table != null && newTables.contains(name(table.getName()));
    }

    public boolean isNewIndex(String index) {
        String table = indexTables.get(name(index));
        return table != null && newTables.contains(table);
    }

    /** The column's type as last declared in the scripts read, lower case, or null when unknown. */
    public String columnType(Table table, String column) {
        return columnTypes.getOrDefault(name(table.getName()), Map.of()).get(name(column));
    }

    /** Records what a statement creates, renames or drops; {@code pending} marks its tables new. */
    public void apply(ParsedStatement statement, boolean pending) {
        if (statement.ast() instanceof CreateTable create) {
            String table = name(create.getTable().getName());
            if (pending) {
                newTables.add(table);
            }
            Map<String, String> columns = new HashMap<>();
            for (ColumnDefinition column : nullSafe(create.getColumnDefinitions())) {
                columns.put(name(column.getColumnName()), type(column));
            }
            columnTypes.put(table, columns);
        } else if (statement.ast() instanceof CreateIndex index && index.getIndex().getName() != null) {
            indexTables.put(name(index.getIndex().getName()), name(index.getTable().getName()));
        } else if (statement.ast() instanceof Drop drop && "TABLE".equalsIgnoreCase(drop.getType())) {
            newTables.remove(name(drop.getName().getName()));
            columnTypes.remove(name(drop.getName().getName()));
        } else if (statement.ast() instanceof Alter alter) {
            applyAlter(alter);
        }
    }

    private void applyAlter(Alter alter) {
        String table = name(alter.getTable().getName());
        for (AlterExpression expression : nullSafe(alter.getAlterExpressions())) {
            if (expression.getOperation() == AlterOperation.RENAME_TABLE && expression.getNewTableName() != null) {
                String renamed = name(expression.getNewTableName());
                if (newTables.remove(table)) {
                    newTables.add(renamed);
                }
                Map<String, String> columns = columnTypes.remove(table);
                if (columns != null) {
                    columnTypes.put(renamed, columns);
                }
                return;
            }
            Map<String, String> columns = columnTypes.computeIfAbsent(table, t -> new HashMap<>());
            if (expression.getOperation() == AlterOperation.RENAME && expression.getColumnOldName() != null) {
                String type = columns.remove(name(expression.getColumnOldName()));
                if (type != null) {
                    columns.put(name(expression.getColumnName()), type);
                }
            } else if (expression.getOperation() == AlterOperation.DROP && expression.getColumnName() != null) {
                columns.remove(name(expression.getColumnName()));
            } else if (expression.getOperation() == AlterOperation.ADD
                    || expression.getOperation() == AlterOperation.ALTER) {
                for (AlterExpression.ColumnDataType column : nullSafe(expression.getColDataTypeList())) {
                    if (!Columns.isPseudoType(column)) {
                        columns.put(name(column.getColumnName()), type(column));
                    }
                }
            }
        }
    }

    private static String type(ColumnDefinition column) {
        return column.getColDataType().toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** PostgreSQL folds unquoted names to lower case; the schema prefix is dropped. */
    static String name(String identifier) {
        if (identifier == null) {
            return null;
        }
        if (identifier.startsWith("\"") && identifier.endsWith("\"") && identifier.length() > 1) {
            return identifier.substring(1, identifier.length() - 1);
        }
        int dot = identifier.lastIndexOf('.');
        String last = dot >= 0 ? identifier.substring(dot + 1) : identifier;
        return last.startsWith("\"") ? name(last) : last.toLowerCase(Locale.ROOT);
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
