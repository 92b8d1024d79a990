package io.migrationhooks.migrator.lint;

import static io.migrationhooks.migrator.lint.Category.BREAKS_RUNNING_VERSION;
import static io.migrationhooks.migrator.lint.Category.LOCKS_LIVE_SITE;
import static io.migrationhooks.migrator.lint.Category.NOT_UNDERSTOOD;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

/** The rules, one small unit each; {@link #ALL} is the set the linter runs. */
public final class Rules {
    private Rules() {
    }

    /** A rule as plain data: id, category and a check over one statement. */
    record SimpleRule(String id, Category category, BiFunction<ParsedStatement, Schema, List<Violation>> checker)
            implements Rule {
        @Override
        public List<Violation> check(ParsedStatement statement, Schema schema) {
            return checker.apply(statement, schema);
        }
    }

    /** A check of one ALTER TABLE clause on a table that existed before the pending migrations. */
    interface ClauseCheck {
        Violation check(String table, AlterExpression clause, Schema schema, ParsedStatement statement);
    }

    static Rule alterRule(String id, Category category, ClauseCheck clauseCheck) {
        return new SimpleRule(id, category, (statement, schema) -> {
            List<Violation> found = new ArrayList<>();
            if (statement.ast() instanceof Alter alter && !schema.isNew(alter.getTable())) {
                for (AlterExpression clause : Schema.nullSafe(alter.getAlterExpressions())) {
                    Violation violation = clauseCheck.check(alter.getTable().getName(), clause, schema, statement);
                    if (violation != null) {
                        found.add(violation);
                    }
                }
            }
            return found;
        });
    }

    static List<AlterExpression.ColumnDataType> columns(AlterExpression clause) {
        return Schema.nullSafe(clause.getColDataTypeList());
    }

    static Violation first(List<Violation> violations) {
        return violations.isEmpty() ? null : violations.get(0);
    }

    public static final Rule DROP_COLUMN = alterRule("drop-column", BREAKS_RUNNING_VERSION, (table, clause, s, st) ->
            clause.getOperation() == AlterOperation.DROP && clause.getColumnName() != null
                    ? new Violation("drops column " + table + "." + clause.getColumnName()
                            + ", which the version still serving reads and writes",
                            "contract in a later release: first ship code that no longer uses the column, then drop it"
                                    + " with `-- migration-hooks: allow drop-column <reason>`")
                    : null);

    public static final Rule RENAME_COLUMN = alterRule("rename-column", BREAKS_RUNNING_VERSION, (table, c, s, st) ->
            c.getOperation() == AlterOperation.RENAME && c.getColumnOldName() != null
                    ? new Violation("renames column " + table + "." + c.getColumnOldName() + " to " + c.getColumnName()
                            + "; the version still serving uses the old name",
                            "add the new column, write both from the code, backfill, switch reads, drop the old one"
                                    + " release(s) later")
                    : null);

    public static final Rule RENAME_TABLE = alterRule("rename-table", BREAKS_RUNNING_VERSION, (table, c, s, st) ->
            c.getOperation() == AlterOperation.RENAME_TABLE
                    ? new Violation("renames table " + table + "; the version still serving uses the old name",
                            "create the new table (or a view under the new name), move the code, drop the old name"
                                    + " in a later release")
                    : null);

    public static final Rule CHANGE_COLUMN_TYPE = alterRule("change-column-type", BREAKS_RUNNING_VERSION,
            (table, c, schema, st) -> {
                if (c.getOperation() != AlterOperation.ALTER) {
                    return null;
                }
                for (AlterExpression.ColumnDataType column : columns(c)) {
                    if (Columns.isPseudoType(column)) {
                        continue;
                    }
                    String from = schema.columnType(new net.sf.jsqlparser.schema.Table(table), column.getColumnName());
                    String to = column.getColDataType().toString();
                    if (!Columns.isCompatibleTypeChange(from, to)) {
                        return new Violation("changes the type of " + table + "." + column.getColumnName()
                                + (from == null ? "" : " from " + from) + " to " + to
                                + ": the serving version may not read or write the new type, and PostgreSQL"
                                + " rewrites the table under an ACCESS EXCLUSIVE lock",
                                "add a column of the new type, write both, backfill in batches, switch reads,"
                                        + " drop the old column in a later release");
                    }
                }
                return null;
            });

    public static final Rule SET_NOT_NULL = alterRule("set-not-null", BREAKS_RUNNING_VERSION, (table, c, s, st) ->
            first(columns(c).stream().filter(Columns::isSetNotNull).map(column -> new Violation(
                    "makes " + table + "." + column.getColumnName() + " NOT NULL: inserts of the serving version"
                            + " that leave it out fail, and the check scans the table under ACCESS EXCLUSIVE",
                    "once every serving version writes the column: ADD CONSTRAINT ... CHECK (" + column.getColumnName()
                            + " IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT in a later migration, then"
                            + " SET NOT NULL (PostgreSQL 12+ uses the valid check and skips the scan)"))
                    .toList()));

    public static final Rule ADD_REQUIRED_COLUMN = alterRule("add-required-column", BREAKS_RUNNING_VERSION,
            (table, c, s, st) -> c.getOperation() != AlterOperation.ADD ? null
                    : first(columns(c).stream()
                            .filter(column -> Columns.isNotNull(column) && !Columns.hasDefault(column))
                            .map(column -> new Violation("adds " + table + "." + column.getColumnName()
                                    + " NOT NULL without a default: inserts of the serving version fail",
                                    "add it with a DEFAULT, or nullable and SET NOT NULL in a later release"))
                            .toList()));

    public static final Rule DROP_DEFAULT = alterRule("drop-default", BREAKS_RUNNING_VERSION, (table, c, s, st) ->
            c.getColumnDropDefaultList() == null || c.getColumnDropDefaultList().isEmpty() ? null
                    : new Violation("drops the default of " + table + "." + c.getColumnDropDefaultList().get(0)
                            .getColumnName() + ", which inserts of the serving version may rely on",
                            "drop the default once no serving version inserts without the column"));

    public static final Rule DROP_TABLE = new SimpleRule("drop-table", BREAKS_RUNNING_VERSION, (st, schema) -> {
        if (st.ast() instanceof Drop drop && Set.of("TABLE", "VIEW", "MATERIALIZED VIEW", "SCHEMA")
                .contains(drop.getType().toUpperCase(java.util.Locale.ROOT)) && !schema.isNew(drop.getName())) {
            return List.of(new Violation("drops " + drop.getType().toLowerCase(java.util.Locale.ROOT) + " "
                    + drop.getName() + ", which the version still serving may query",
                    "drop it in a release after the code stopped using it, with"
                            + " `-- migration-hooks: allow drop-table <reason>`"));
        }
        return List.of();
    });

    public static final Rule TRUNCATE = new SimpleRule("truncate", BREAKS_RUNNING_VERSION, (st, schema) ->
            st.ast() instanceof Truncate truncate && !schema.isNew(truncate.getTable())
                    ? List.of(new Violation("truncates " + truncate.getTable().getName() + ": every row the serving"
                            + " version reads is gone, and TRUNCATE holds ACCESS EXCLUSIVE until the migration commits",
                            "delete the rows the new version no longer needs in batches, or drop the table in a later"
                                    + " release"))
                    : List.of());

    public static final Rule CREATE_INDEX = new SimpleRule("create-index-not-concurrently", LOCKS_LIVE_SITE,
            (st, schema) -> st.ast() instanceof CreateIndex index && !st.has(ParsedStatement.Option.CONCURRENTLY)
                    && !schema.isNew(index.getTable())
                    ? List.of(new Violation("builds index " + index.getIndex().getName() + " on "
                            + index.getTable().getName() + " while blocking every write to it",
                            "CREATE INDEX CONCURRENTLY, alone in its own migration (it cannot run in a transaction)"))
                    : List.of());

    public static final Rule DROP_INDEX = new SimpleRule("drop-index-not-concurrently", LOCKS_LIVE_SITE,
            (st, schema) -> st.ast() instanceof Drop drop && "INDEX".equalsIgnoreCase(drop.getType())
                    && !st.has(ParsedStatement.Option.CONCURRENTLY) && !schema.isNewIndex(drop.getName().getName())
                    ? List.of(new Violation("drops index " + drop.getName() + " under an ACCESS EXCLUSIVE lock on"
                            + " its table", "DROP INDEX CONCURRENTLY, alone in its own migration"))
                    : List.of());

    public static final Rule ADD_FOREIGN_KEY = alterRule("add-foreign-key-validated", LOCKS_LIVE_SITE,
            (table, c, s, st) -> {
                boolean foreignKey = c.getIndex() instanceof ForeignKeyIndex
                        || columns(c).stream().anyMatch(Columns::references);
                return c.getOperation() == AlterOperation.ADD && foreignKey
                        && !st.has(ParsedStatement.Option.NOT_VALID)
                        ? new Violation("adds a foreign key on " + table + " and checks every row while blocking"
                                + " writes to both tables",
                                "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in a later"
                                        + " migration")
                        : null;
            });

    public static final Rule ADD_CHECK = alterRule("add-check-validated", LOCKS_LIVE_SITE, (table, c, s, st) -> {
        boolean check = c.getIndex() instanceof CheckConstraint || columns(c).stream().anyMatch(Columns::hasCheck);
        return c.getOperation() == AlterOperation.ADD && check && !st.has(ParsedStatement.Option.NOT_VALID)
                ? new Violation("adds a CHECK constraint on " + table + " and scans every row under ACCESS EXCLUSIVE",
                        "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in a later migration")
                : null;
    });

    public static final Rule ADD_UNIQUE = alterRule("add-unique-constraint", LOCKS_LIVE_SITE, (table, c, s, st) -> {
        Index index = c.getIndex();
        boolean unique = index != null && !(index instanceof ForeignKeyIndex) && !(index instanceof CheckConstraint)
                && index.getType() != null && index.getType().toUpperCase(java.util.Locale.ROOT)
                        .matches("UNIQUE.*|PRIMARY KEY");
        boolean uniqueColumn = columns(c).stream().anyMatch(Columns::isUniqueOrPrimaryKey)
                || c.getPkColumns() != null || c.getUkColumns() != null;
        return c.getOperation() == AlterOperation.ADD && (unique || uniqueColumn)
                && !st.has(ParsedStatement.Option.USING_INDEX)
                ? new Violation("adds a unique or primary key constraint on " + table
                        + ", building its index under ACCESS EXCLUSIVE",
                        "CREATE UNIQUE INDEX CONCURRENTLY in its own migration, then ADD CONSTRAINT ... UNIQUE USING"
                                + " INDEX")
                : null;
    });

    public static final Rule TABLE_REWRITE = alterRule("table-rewrite", LOCKS_LIVE_SITE, (table, c, s, st) -> {
        if (c.getOperation() == AlterOperation.ADD) {
            return first(columns(c).stream().filter(col -> Columns.isSerial(col) || Columns.isGenerated(col)
                            || Columns.hasVolatileDefault(col))
                    .map(col -> new Violation("adds " + table + "." + col.getColumnName() + " with a per-row value"
                            + " (volatile default, serial, identity or generated),"
                            + " which rewrites the table under ACCESS EXCLUSIVE",
                            "add the column without a default (or with a constant one), set the default, backfill"
                                    + " in batches"))
                    .toList());
        }
        String specifier = c.getOptionalSpecifier() == null ? "" : c.getOptionalSpecifier().toUpperCase(java.util.Locale.ROOT);
        return specifier.matches("SET\\s+(UN)?LOGGED")
                ? new Violation(specifier + " rewrites " + table + " under ACCESS EXCLUSIVE",
                        "do it in a maintenance window, or not at all on a live table")
                : null;
    });

    public static final Rule VACUUM_FULL = command("vacuum-full", "VACUUM",
            words -> words.contains("FULL"), "VACUUM FULL rewrites the table under ACCESS EXCLUSIVE",
            "plain VACUUM (or pg_repack) outside the migration");

    public static final Rule CLUSTER = command("cluster", "CLUSTER", words -> true,
            "CLUSTER rewrites the table under ACCESS EXCLUSIVE", "pg_repack outside the migration, or leave it out");

    public static final Rule LOCK_TABLE = command("lock-table", "LOCK", words -> true,
            "LOCK TABLE holds a lock for the rest of the migration's transaction",
            "leave it out: the migrator serializes runs already, and lock_timeout bounds the wait");

    public static final Rule REINDEX = command("reindex-not-concurrently", "REINDEX",
            words -> !words.contains("CONCURRENTLY"), "REINDEX blocks writes to the table while it rebuilds",
            "REINDEX ... CONCURRENTLY in its own migration");

    public static final Rule REFRESH_MATERIALIZED_VIEW = command("refresh-materialized-view-not-concurrently",
            "REFRESH", words -> !words.contains("CONCURRENTLY"),
            "REFRESH MATERIALIZED VIEW blocks every read of the view until the refresh ends",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY (the view needs a unique index), in its own migration");

    static Rule command(String id, String command, java.util.function.Predicate<List<String>> applies,
            String message, String fix) {
        return new SimpleRule(id, LOCKS_LIVE_SITE, (st, schema) -> command.equals(st.command())
                && applies.test(st.words()) ? List.of(new Violation(message, fix)) : List.of());
    }

    /** ALTER TABLE clauses whose effect the rules above know; any other clause is reported, never passed. */
    private static final Set<AlterOperation> UNDERSTOOD_OPERATIONS = Set.of(AlterOperation.ADD,
            AlterOperation.ALTER, AlterOperation.DROP, AlterOperation.RENAME, AlterOperation.RENAME_TABLE,
            AlterOperation.RENAME_CONSTRAINT, AlterOperation.DROP_PRIMARY_KEY, AlterOperation.DROP_UNIQUE,
            AlterOperation.DROP_FOREIGN_KEY);

    public static final Rule UNKNOWN_STATEMENT = new SimpleRule("unknown-statement", NOT_UNDERSTOOD, (st, schema) -> {
        String fix = "review it by hand, then `-- migration-hooks: allow unknown-statement <reason>`";
        if (st.ast() == null && st.command() == null) {
            return List.of(new Violation("the SQL parser cannot read this statement (" + st.parseError() + ")", fix));
        }
        if (st.ast() instanceof Alter alter) {
            for (AlterExpression clause : Schema.nullSafe(alter.getAlterExpressions())) {
                String specifier = clause.getOptionalSpecifier() == null ? ""
                        : clause.getOptionalSpecifier().toUpperCase(java.util.Locale.ROOT);
                boolean understood = UNDERSTOOD_OPERATIONS.contains(clause.getOperation())
                        || specifier.startsWith("VALIDATE CONSTRAINT") || specifier.matches("SET\\s+(UN)?LOGGED");
                boolean oddColumn = columns(clause).stream().anyMatch(column -> Columns.isPseudoType(column)
                        && !Columns.isSetNotNull(column) && !Columns.isDropNotNull(column));
                if (!understood || oddColumn) {
                    return List.of(new Violation("the linter does not know what ALTER TABLE clause `" + clause
                            + "` locks or breaks", fix));
                }
            }
        }
        return List.of();
    });

    public static final List<Rule> ALL = List.of(DROP_COLUMN, DROP_TABLE, RENAME_COLUMN, RENAME_TABLE,
            CHANGE_COLUMN_TYPE, SET_NOT_NULL, ADD_REQUIRED_COLUMN, DROP_DEFAULT, TRUNCATE, CREATE_INDEX, DROP_INDEX,
            ADD_FOREIGN_KEY, ADD_CHECK, ADD_UNIQUE, TABLE_REWRITE, VACUUM_FULL, CLUSTER, LOCK_TABLE, REINDEX,
            REFRESH_MATERIALIZED_VIEW,
            UNKNOWN_STATEMENT);
}
