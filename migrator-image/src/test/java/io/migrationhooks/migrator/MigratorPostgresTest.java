package io.migrationhooks.migrator;

import static io.migrationhooks.migrator.PostgresServer.APP_PASSWORD;
import static io.migrationhooks.migrator.PostgresServer.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The migrator in-process against a real PostgreSQL server. */
@ExtendWith(SharedPostgres.class)
class MigratorPostgresTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void useSharedPostgres(PostgresServer shared) {
        server = shared;
    }

    private static String newDatabase() throws SQLException {
        return server.createDatabase("orders_" + DATABASES.incrementAndGet());
    }

    static Map<String, String> env(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("FLYWAY_URL", url);
        env.put("FLYWAY_USER", APP_USER);
        env.put("FLYWAY_PASSWORD", APP_PASSWORD);
        env.put("MIGRATOR_WAIT_TIMEOUT", "20");
        return env;
    }

    private List<String> history(String database) throws SQLException {
        return server.queryColumn(database,
                "SELECT version || ':' || script || ':' || success FROM flyway_schema_history ORDER BY installed_rank");
    }

    private List<String> tables(String database) throws SQLException {
        return server.queryColumn(database,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    }

    @Test
    void migratesAnEmptyDatabaseWithTheBundledMigrations() throws Exception {
        String database = newDatabase();

        Run run = Run.inProcess(env(server.url(database)));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).containsOnlyOnce("migrator: done:")
                .contains("version empty -> 3, 3 migrations applied in ")
                .contains("(localhost:" + server.port() + "/" + database + ")");
        assertThat(run.err()).as("nothing on stderr when all is well").isEmpty();
        assertThat(history(database)).containsExactly(
                "1:V1__create_orders.sql:true",
                "2:V2__create_order_items.sql:true",
                "3:V3__add_order_shipping_address.sql:true");
        assertThat(tables(database)).contains("orders", "order_items");
    }

    @Test
    void anUpToDateDatabaseIsANoOp() throws Exception {
        String database = newDatabase();
        assertThat(Run.inProcess(env(server.url(database))).exitCode()).isZero();

        Run again = Run.inProcess(env(server.url(database)));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("version 3 -> 3, 0 migrations applied in ");
        assertThat(history(database)).hasSize(3);
    }

    @Test
    void aBrokenMigrationExitsOneLeavesTheSchemaAtTheLastGoodVersionAndTheFixedScriptAppliesNextRun()
            throws Exception {
        String database = newDatabase();
        Path sql = Files.createDirectories(tmp.resolve("sql"));
        Files.writeString(sql.resolve("V1__create_customers.sql"), "CREATE TABLE customers (id BIGINT PRIMARY KEY);\n");
        Files.writeString(sql.resolve("V2__add_customer_names.sql"), String.join("\n",
                "ALTER TABLE customers ADD COLUMN name TEXT;",
                "CREATE TABLE customer_notes (customer_id BIGINT REFERENCES customers (id));",
                "ALTER TABLE customer SET UNLOGGED;",
                ""));
        Map<String, String> env = env(server.url(database));
        env.put("FLYWAY_LOCATIONS", "filesystem:" + sql);
        env.put("MIGRATOR_LINT", "off"); // the pre-flight would refuse SET UNLOGGED; this test is about a failing run

        Run broken = Run.inProcess(env);

        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
        assertThat(broken.err()).as(broken.toString())
                .contains("migration V2__add_customer_names.sql failed at line 3")
                .contains("ERROR: relation \"customer\" does not exist")
                .contains("the schema stays at version 1")
                .doesNotContain("\tat ");
        assertThat(broken.out()).doesNotContain("migrator: done:");
        assertThat(tables(database)).as("V2 rolled back as a whole").containsExactly("customers", "flyway_schema_history");
        assertThat(server.queryColumn(database, "SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'customers' ORDER BY 1")).containsExactly("id");
        assertThat(history(database)).as("no failed row that would block the next run")
                .containsExactly("1:V1__create_customers.sql:true");

        Files.writeString(sql.resolve("V2__add_customer_names.sql"), String.join("\n",
                "ALTER TABLE customers ADD COLUMN name TEXT;",
                "CREATE TABLE customer_notes (customer_id BIGINT REFERENCES customers (id));",
                ""));
        Run fixed = Run.inProcess(env);

        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(fixed.out()).contains("version 1 -> 2, 1 migration applied in ");
        assertThat(history(database)).containsExactly(
                "1:V1__create_customers.sql:true", "2:V2__add_customer_names.sql:true");
    }

    @Test
    void schemasAndOtherFlywaySettingsComeFromTheEnvironment() throws Exception {
        String database = newDatabase();
        Map<String, String> env = env(server.url(database));
        env.put("FLYWAY_SCHEMAS", "shop");
        env.put("FLYWAY_TABLE", "schema_history");

        Run run = Run.inProcess(env);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("version empty -> 3, 3 migrations applied in ").contains(", schema shop)");
        assertThat(server.queryColumn(database, "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"))
                .containsExactly("shop.order_items", "shop.orders", "shop.schema_history");
    }

    @Test
    void debugShowsFlywaysLogAndTheStackTrace() throws Exception {
        String database = newDatabase();
        Path sql = Files.createDirectories(tmp.resolve("debug"));
        Files.writeString(sql.resolve("V1__broken.sql"), "SELECT * FROM no_such_table;\n");
        Map<String, String> env = env(server.url(database));
        env.put("FLYWAY_LOCATIONS", "filesystem:" + sql);
        env.put("MIGRATOR_DEBUG", "true");

        Run run = Run.inProcess(env);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString())
                .contains("flyway: Migrating schema")
                .contains("migrator: migration V1__broken.sql failed at line 1: ERROR: relation \"no_such_table\" does not exist")
                .contains("\tat org.flywaydb.");
        assertThat(run.all()).doesNotContain(APP_PASSWORD);
    }

    @Test
    void aWrongPasswordFailsAtOnceWithExitTwoAndNeverPrintsAnyPassword() throws Exception {
        String database = newDatabase();
        Map<String, String> env = env(server.url(database));
        String wrongPassword = "not-the-Password-42";
        env.put("FLYWAY_PASSWORD", wrongPassword);
        env.put("MIGRATOR_WAIT_TIMEOUT", "300");

        long start = System.nanoTime();
        Run run = Run.inProcess(env);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(seconds).as("a refused login is not retried until the timeout").isLessThan(60);
        assertThat(run.err()).as(run.toString())
                .startsWith("migrator: FLYWAY_PASSWORD or FLYWAY_USER is wrong: ")
                .contains("password authentication failed for user \"" + APP_USER + "\"")
                .contains("localhost:" + server.port() + "/" + database);
        assertThat(run.all()).doesNotContain(wrongPassword).doesNotContain(APP_PASSWORD);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void thePasswordCanComeFromAMountedSecretFileWithATrailingNewline() throws Exception {
        String database = newDatabase();
        Path secret = Files.writeString(tmp.resolve("password"), APP_PASSWORD + "\n");
        Map<String, String> env = env(server.url(database));
        env.remove("FLYWAY_PASSWORD");
        env.put("MIGRATOR_PASSWORD_FILE", secret.toString());

        Run run = Run.inProcess(env);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(history(database)).hasSize(3);
    }

    @Test
    void aMissingVariableExitsTwoNamingIt() {
        Map<String, String> env = env(server.url("postgres"));
        env.remove("FLYWAY_USER");

        Run run = Run.inProcess(env);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("migrator: FLYWAY_USER is not set\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anInvalidFlywaySettingExitsTwoBeforeAnyWaiting() {
        Map<String, String> env = env("jdbc:postgresql://localhost:" + PostgresServer.freePort() + "/orders");
        env.put("FLYWAY_BASELINE_ON_MIGRATE", "maybe");

        Run run = Run.inProcess(env);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("migrator: a FLYWAY_* setting is invalid: ").contains("maybe");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).as("fails before the first connection attempt").isEmpty();
    }

    @Test
    void aDatabaseThatNeverComesUpExitsThreeAfterTheTimeoutSayingWhatWasTried() {
        int port = PostgresServer.freePort();
        Map<String, String> env = env("jdbc:postgresql://localhost:" + port + "/orders");
        env.put("MIGRATOR_WAIT_TIMEOUT", "2");

        long start = System.nanoTime();
        Run run = Run.inProcess(env);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(millis).as("gives up near the timeout, not much later").isBetween(2_000L, 20_000L);
        assertThat(run.out()).as(run.toString())
                .contains("migrator: waiting for database localhost:" + port + "/orders as user " + APP_USER
                        + ": attempt 1 failed: Connection to localhost:" + port + " refused");
        assertThat(run.err()).as(run.toString())
                .startsWith("migrator: database localhost:" + port + "/orders as user " + APP_USER
                        + " is not reachable: gave up after ")
                .contains("(MIGRATOR_WAIT_TIMEOUT=2); last error: Connection to localhost:" + port + " refused");
        assertThat(run.all()).doesNotContain(APP_PASSWORD);
    }

    @Test
    void waitsForADatabaseThatStartsAfterTheMigrator() throws Exception {
        int port = PostgresServer.freePort();
        // The database is created only after the role: the migrator may see both "refused" and "does not exist".
        Map<String, String> env = env("jdbc:postgresql://localhost:" + port + "/late_orders");
        env.put("MIGRATOR_WAIT_TIMEOUT", "120");
        CompletableFuture<Run> migrator = CompletableFuture.supplyAsync(() -> Run.inProcess(env));
        Thread.sleep(1_500);
        assertThat(migrator).as("still waiting while no database listens").isNotDone();

        try (PostgresServer late = PostgresServer.start(port)) {
            late.createDatabase("late_orders");
            Run run = migrator.get(120, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).as(run.toString())
                    .contains(": attempt 1 failed: Connection to localhost:" + port + " refused")
                    .containsPattern("database localhost:" + port + "/late_orders as user " + APP_USER
                            + " is reachable \\(attempt [2-9]\\d*, after ")
                    .contains("version empty -> 3, 3 migrations applied");
            assertThat(late.queryColumn("late_orders", "SELECT count(*) FROM orders")).containsExactly("0");
        }
    }
}
