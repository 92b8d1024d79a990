package io.migrationhooks.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The lint the Job runs before migrating, against a real PostgreSQL server. */
@ExtendWith(SharedPostgres.class)
class PreFlightPostgresTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    @TempDir
    Path sql;

    @BeforeAll
    static void useSharedPostgres(PostgresServer shared) {
        server = shared;
    }

    private Map<String, String> migrateOnceThenAddDropColumn(String database) throws Exception {
        Files.writeString(sql.resolve("V1__create_customers.sql"),
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, note TEXT);\nCREATE INDEX customers_note ON customers (note);\n");
        Map<String, String> env = MigratorPostgresTest.env(server.url(database));
        env.put("FLYWAY_LOCATIONS", "filesystem:" + sql);
        Run first = Run.inProcess(env);
        assertThat(first.exitCode()).as("a new table's index is no finding: " + first).isZero();
        Files.writeString(sql.resolve("V2__drop_note.sql"), "-- the contract step\nALTER TABLE customers DROP COLUMN note;\n");
        return env;
    }

    private List<String> columns(String database) throws SQLException {
        return server.queryColumn(database,
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' ORDER BY 1");
    }

    @Test
    void aFindingInAPendingMigrationRefusesBeforeAnythingChanged() throws Exception {
        String database = server.createDatabase("preflight_" + DATABASES.incrementAndGet());
        Map<String, String> env = migrateOnceThenAddDropColumn(database);

        Run refused = Run.inProcess(env);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).as(refused.toString())
                .contains("V2__drop_note.sql:2: drop-column (breaks the running version)")
                .contains("refusing to migrate, nothing was changed")
                .doesNotContain("V1__create_customers.sql").doesNotContain("migrator: done:");
        assertThat(columns(database)).containsExactly("id", "note");
        assertThat(server.queryColumn(database, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1");
    }

    @Test
    void warnMigratesAndAnAllowCommentPasses() throws Exception {
        String database = server.createDatabase("preflight_" + DATABASES.incrementAndGet());
        Map<String, String> env = migrateOnceThenAddDropColumn(database);
        env.put("MIGRATOR_LINT", "warn");

        Run warned = Run.inProcess(env);

        assertThat(warned.exitCode()).as(warned.toString()).isZero();
        assertThat(warned.out()).contains("drop-column").contains("MIGRATOR_LINT=warn, migrating despite");
        assertThat(columns(database)).containsExactly("id");

        Files.writeString(sql.resolve("V3__drop_id_default.sql"),
                "-- migration-hooks: allow drop-default 1.3 always sends id\nALTER TABLE customers ALTER COLUMN id DROP DEFAULT;\n");
        env.remove("MIGRATOR_LINT");
        Run allowed = Run.inProcess(env);
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).contains("[allowed: 1.3 always sends id]").contains("migrator: done:");
    }

    @Test
    void aBadModeIsABadConfiguration() {
        Map<String, String> env = MigratorPostgresTest.env(server.url("postgres"));
        env.put("MIGRATOR_LINT", "strict");
        Run run = Run.inProcess(env);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("MIGRATOR_LINT");
    }
}
