package io.migrationhooks.migrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Per rule: a statement it must flag and a near miss it must not; on a table that existed before. */
class RulesTest {
    private static final String EXISTING = "CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20),"
            + " total numeric(10,2), customer_id bigint);";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("drop-column", "ALTER TABLE orders DROP COLUMN note", "ALTER TABLE orders DROP CONSTRAINT c"),
                Arguments.of("drop-table", "DROP TABLE orders", "DROP SEQUENCE orders_seq"),
                Arguments.of("rename-column", "ALTER TABLE orders RENAME COLUMN note TO remark",
                        "ALTER TABLE orders RENAME CONSTRAINT a TO b"),
                Arguments.of("rename-table", "ALTER TABLE orders RENAME TO purchases",
                        "ALTER TABLE orders ADD COLUMN purchases text"),
                Arguments.of("change-column-type", "ALTER TABLE orders ALTER COLUMN id TYPE integer",
                        "ALTER TABLE orders ALTER COLUMN note TYPE varchar(50)"),
                Arguments.of("change-column-type", "ALTER TABLE orders ALTER COLUMN note SET DATA TYPE varchar(10)",
                        "ALTER TABLE orders ALTER COLUMN note SET DATA TYPE text"),
                Arguments.of("set-not-null", "ALTER TABLE orders ALTER COLUMN note SET NOT NULL",
                        "ALTER TABLE orders ALTER COLUMN note DROP NOT NULL"),
                Arguments.of("add-required-column", "ALTER TABLE orders ADD COLUMN state text NOT NULL",
                        "ALTER TABLE orders ADD COLUMN state text NOT NULL DEFAULT 'new'"),
                Arguments.of("drop-default", "ALTER TABLE orders ALTER COLUMN note DROP DEFAULT",
                        "ALTER TABLE orders ALTER COLUMN note SET DEFAULT ''"),
                Arguments.of("create-index-not-concurrently", "CREATE INDEX orders_note ON orders (note)",
                        "CREATE INDEX CONCURRENTLY orders_note ON orders (note)"),
                Arguments.of("drop-index-not-concurrently", "DROP INDEX orders_note",
                        "DROP INDEX CONCURRENTLY orders_note"),
                Arguments.of("add-foreign-key-validated",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id)",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id)"
                                + " NOT VALID"),
                Arguments.of("add-check-validated", "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0)",
                        "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID"),
                Arguments.of("add-unique-constraint", "ALTER TABLE orders ADD CONSTRAINT u UNIQUE (note)",
                        "ALTER TABLE orders ADD CONSTRAINT u UNIQUE USING INDEX orders_note"),
                Arguments.of("add-unique-constraint", "ALTER TABLE orders ADD PRIMARY KEY (id)",
                        "ALTER TABLE orders ADD CONSTRAINT pk PRIMARY KEY USING INDEX orders_id"),
                Arguments.of("truncate", "TRUNCATE orders", "DELETE FROM orders WHERE id < 100"),
                Arguments.of("table-rewrite", "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()",
                        "ALTER TABLE orders ADD COLUMN created timestamptz DEFAULT now()"),
                Arguments.of("table-rewrite",
                        "ALTER TABLE orders ADD COLUMN cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED",
                        "ALTER TABLE orders ADD COLUMN cents bigint DEFAULT 0"),
                Arguments.of("table-rewrite", "ALTER TABLE orders ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY",
                        "ALTER TABLE orders ADD COLUMN n bigint"),
                Arguments.of("vacuum-full", "VACUUM FULL orders", "VACUUM orders"),
                Arguments.of("cluster", "CLUSTER orders USING orders_pkey", "ANALYZE orders"),
                Arguments.of("lock-table", "LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", "SELECT 1 FROM orders"),
                Arguments.of("refresh-materialized-view-not-concurrently", "REFRESH MATERIALIZED VIEW order_totals",
                        "REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals"),
                Arguments.of("reindex-not-concurrently", "REINDEX TABLE orders", "REINDEX TABLE CONCURRENTLY orders"),
                Arguments.of("unknown-statement", "DO $$ BEGIN PERFORM 1; END $$", "UPDATE orders SET note = ''"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void flagsTheStatementAndNotTheNearMiss(String rule, String flagged, String nearMiss) {
        assertThat(ruleIds(lint(flagged + ";"))).contains(rule);
        assertThat(ruleIds(lint(nearMiss + ";"))).doesNotContain(rule).doesNotContain("unknown-statement");
    }

    @Test
    void anAllowCommentWithAReasonAcceptsTheFinding() {
        List<Finding> findings = lint("-- migration-hooks: allow drop-column 1.4 stopped reading note\n"
                + "ALTER TABLE orders DROP COLUMN note;");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("drop-column");
            assertThat(finding.allowReason()).isEqualTo("1.4 stopped reading note");
            assertThat(finding.line()).isEqualTo(2);
        });
    }

    @Test
    void anAllowCommentOnTheSameLineAppliesToThatStatementOnly() {
        List<Finding> findings = lint("ALTER TABLE orders DROP COLUMN note; -- migration-hooks: allow drop-column done\n"
                + "ALTER TABLE orders DROP COLUMN total;");
        assertThat(findings).extracting(Finding::line, Finding::allowed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, false));
    }

    @Test
    void anAllowCommentWithoutReasonOrForAnotherRuleDoesNotAllow() {
        assertThat(lint("-- migration-hooks: allow drop-column\nALTER TABLE orders DROP COLUMN note;"))
                .extracting(Finding::ruleId, Finding::allowed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("bad-allow", false),
                        org.assertj.core.groups.Tuple.tuple("drop-column", false));
        assertThat(lint("-- migration-hooks: allow drop-table gone\nALTER TABLE orders DROP COLUMN note;"))
                .extracting(Finding::ruleId, Finding::allowed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("drop-column", false));
    }

    @Test
    void tablesCreatedEarlierInThePendingSetAreNew() {
        List<Finding> findings = new Linter(Rules.ALL).lint(List.of(), List.of(
                new Linter.Script("V1__a.sql", "CREATE TABLE items (id bigint, name text);"),
                new Linter.Script("V2__b.sql", "CREATE INDEX items_name ON items (name);\n"
                        + "ALTER TABLE items ADD CONSTRAINT c CHECK (id > 0);\nALTER TABLE items DROP COLUMN name;\n"
                        + "CREATE INDEX other_name ON other (name);")));
        assertThat(findings).extracting(Finding::file, Finding::line, Finding::ruleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("V2__b.sql", 4, "create-index-not-concurrently"));
    }

    @Test
    void unreadableStatementsAreReportedNeverPassed() {
        assertThat(lint("CREATE TYPE mood AS ENUM ('a');\nSELEC 1;"))
                .extracting(Finding::ruleId, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unknown-statement", 1),
                        org.assertj.core.groups.Tuple.tuple("unknown-statement", 2));
        assertThat(lint("ALTER TABLE orders OWNER TO app;")).extracting(Finding::ruleId)
                .containsExactly("unknown-statement");
    }

    @Test
    void theExampleChartMigrationsAreClean() {
        List<Linter.Script> scripts = LintCommand.read(List.of(java.nio.file.Path.of("src/main/resources/db/migration")));
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(new Linter(Rules.ALL).lint(List.of(), scripts)).isEmpty();
    }

    @Test
    void theEndToEndUpgradeMigrationsAreClean() {
        // ci/e2e adds these to the image before the upgrade; a finding would stop that Job in its pre-flight.
        List<Linter.Script> applied = LintCommand.read(List.of(java.nio.file.Path.of("src/main/resources/db/migration")));
        List<Linter.Script> added = LintCommand.read(List.of(java.nio.file.Path.of("../ci/e2e/migrations")));
        assertThat(added).isNotEmpty();
        assertThat(new Linter(Rules.ALL).lint(applied, added)).isEmpty();
    }

    private static List<Finding> lint(String script) {
        return new Linter(Rules.ALL).lint(List.of(new Linter.Script("V1__orders.sql", EXISTING)),
                List.of(new Linter.Script("V2__change.sql", script)));
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }
}
