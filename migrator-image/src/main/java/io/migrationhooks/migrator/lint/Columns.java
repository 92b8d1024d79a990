package io.migrationhooks.migrator.lint;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;

/**
 * Reads JSqlParser's column clauses. JSqlParser keeps a column's constraints as a list of words
 * ("NOT", "NULL", "DEFAULT", ...) and reads {@code ALTER COLUMN c SET NOT NULL} as a column of
 * type {@code SET}; these helpers keep that knowledge in one place.
 */
final class Columns {
    /** Functions whose value is fixed per statement, so a DEFAULT of them needs no table rewrite. */
    private static final Set<String> NON_VOLATILE_FUNCTIONS = Set.of("NOW", "CURRENT_TIMESTAMP", "CURRENT_DATE",
            "CURRENT_TIME", "LOCALTIME", "LOCALTIMESTAMP", "TRANSACTION_TIMESTAMP", "STATEMENT_TIMESTAMP",
            "CURRENT_USER", "SESSION_USER", "CURRENT_SCHEMA", "CURRENT_ROLE", "USER");

    private static final Set<String> SERIAL_TYPES = Set.of("serial", "serial4", "serial8", "bigserial",
            "smallserial", "serial2");

    private Columns() {
    }

    /** {@code SET NOT NULL}, {@code DROP NOT NULL}, ... read by JSqlParser as a column "type". */
    static boolean isPseudoType(AlterExpression.ColumnDataType column) {
        if (column.getColDataType() == null) {
            return true;
        }
        String type = column.getColDataType().getDataType().toUpperCase(Locale.ROOT);
        return type.equals("SET") || type.equals("DROP") || type.equals("RESET");
    }

    static boolean isSetNotNull(AlterExpression.ColumnDataType column) {
        return column.getColDataType() != null && column.getColDataType().getDataType().equalsIgnoreCase("SET")
                && specs(column).equals(List.of("NOT", "NULL"));
    }

    static boolean isDropNotNull(AlterExpression.ColumnDataType column) {
        return column.getColDataType() == null
                || column.getColDataType().getDataType().equalsIgnoreCase("DROP")
                && specs(column).equals(List.of("NOT", "NULL"));
    }

    static List<String> specs(ColumnDefinition column) {
        return Schema.nullSafe(column.getColumnSpecs()).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    static boolean isNotNull(ColumnDefinition column) {
        List<String> specs = specs(column);
        for (int i = 0; i + 1 < specs.size(); i++) {
            if (specs.get(i).equals("NOT") && specs.get(i + 1).equals("NULL")) {
                return true;
            }
        }
        return specs.contains("PRIMARY");
    }

    static boolean hasDefault(ColumnDefinition column) {
        return specs(column).contains("DEFAULT") || specs(column).contains("GENERATED");
    }

    static boolean references(ColumnDefinition column) {
        return specs(column).contains("REFERENCES");
    }

    static boolean isUniqueOrPrimaryKey(ColumnDefinition column) {
        return specs(column).contains("UNIQUE") || specs(column).contains("PRIMARY");
    }

    static boolean hasCheck(ColumnDefinition column) {
        return specs(column).contains("CHECK");
    }

    static boolean isSerial(ColumnDefinition column) {
        return column.getColDataType() != null && SERIAL_TYPES.contains(column.getColDataType().getDataType().toLowerCase(Locale.ROOT));
    }

    /** GENERATED ... AS IDENTITY or AS (expr) STORED: PostgreSQL computes a value for every row. */
    static boolean isGenerated(ColumnDefinition column) {
        return specs(column).contains("GENERATED");
    }

    /**
     * A DEFAULT that calls a function other than the known per-statement ones: PostgreSQL 11+
     * stores a constant default without touching rows, but a volatile one is computed per row,
     * which rewrites the table under ACCESS EXCLUSIVE.
     */
    static boolean hasVolatileDefault(ColumnDefinition column) {
        List<String> specs = specs(column);
        int start = specs.indexOf("DEFAULT");
        if (start < 0) {
            return false;
        }
        for (int i = start + 1; i < specs.size(); i++) {
            String word = specs.get(i);
            if (Set.of("NOT", "NULL", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "CONSTRAINT", "COLLATE")
                    .contains(word) && i > start + 1) {
                return false;
            }
            boolean call = word.matches("[A-Z_][A-Z0-9_.]*\\s*\\(.*") || (i + 1 < specs.size()
                    && specs.get(i + 1).startsWith("(") && word.matches("[A-Z_][A-Z0-9_.]*"));
            if (call) {
                String function = word.replaceAll("\\s*\\(.*", "");
                function = function.substring(function.lastIndexOf('.') + 1);
                if (!NON_VOLATILE_FUNCTIONS.contains(function)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Type changes PostgreSQL makes without rewriting the table or changing what old code reads:
     * widening a varchar, varchar to text, dropping a varchar's limit, widening numeric's precision.
     */
    static boolean isCompatibleTypeChange(String from, String to) {
        if (from == null) {
            return false;
        }
        String source = normalizeType(from);
        String target = normalizeType(to);
        if (source.equals(target)) {
            return true;
        }
        if ((source.equals("varchar") || source.startsWith("varchar(") || source.equals("text"))
                && (target.equals("text") || target.equals("varchar"))) {
            return true;
        }
        Integer sourceLength = length(source, "varchar");
        Integer targetLength = length(target, "varchar");
        if (sourceLength != null && targetLength != null) {
            return targetLength >= sourceLength;
        }
        int[] sourceNumeric = precision(source);
        int[] targetNumeric = precision(target);
        if (sourceNumeric != null && targetNumeric != null) {
            return targetNumeric[1] == sourceNumeric[1] && targetNumeric[0] >= sourceNumeric[0];
        }
        return source.startsWith("numeric(") && target.equals("numeric");
    }

    static String normalizeType(String type) {
        return type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?\\( ?", "(").replaceAll(" ?, ?", ",")
                .replaceAll(" ?\\)", ")").replace("character varying", "varchar").replace("decimal", "numeric")
                .strip();
    }

    private static Integer length(String type, String base) {
        if (!type.matches(base + "\\(\\d+\\)")) {
            return null;
        }
        return Integer.parseInt(type.substring(base.length() + 1, type.length() - 1));
    }

    private static int[] precision(String type) {
        if (!type.matches("numeric\\(\\d+(,\\d+)?\\)")) {
            return null;
        }
        String[] parts = type.substring("numeric(".length(), type.length() - 1).split(",");
        return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
    }
}
