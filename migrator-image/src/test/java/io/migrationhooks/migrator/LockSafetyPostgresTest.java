package io.migrationhooks.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lock-safe execution against a real PostgreSQL server: a transaction of the "live site" holds the
 * table while the migrator wants an ACCESS EXCLUSIVE lock on it.
 */
@ExtendWith(SharedPostgres.class)
class LockSafetyPostgresTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** How long a reader may wait beyond the lock timeout before the test calls it queued: generous for CI. */
    private static final Duration READER_SLACK = Duration.ofSeconds(8);
    private static PostgresServer server;

    @TempDir
    Path sql;

    @BeforeAll
    static void useSharedPostgres(PostgresServer shared) {
        server = shared;
    }

    /** A database at V1 (table customers), with V2 pending. */
    private Map<String, String> customersAtV1(String database, String pendingV2) throws Exception {
        Files.writeString(sql.resolve("V1__create_customers.sql"),
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT);\nINSERT INTO customers VALUES (1, 'a');\n");
        Map<String, String> env = MigratorPostgresTest.env(server.url(database));
        env.put("FLYWAY_LOCATIONS", "filesystem:" + sql);
        Run first = Run.inProcess(env);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Files.writeString(sql.resolve("V2__pending.sql"), pendingV2);
        return env;
    }

    /** customersAtV1 with V2 adding a column (ACCESS EXCLUSIVE), and the given lock settings. */
    private Map<String, String> addColumnPending(String database, String lockTimeout, String retries) throws Exception {
        Map<String, String> env = customersAtV1(database, "ALTER TABLE customers ADD COLUMN note TEXT;\n");
        env.put(LockSafety.LOCK_TIMEOUT_VARIABLE, lockTimeout);
        env.put(LockSafety.RETRIES_VARIABLE, retries);
        return env;
    }

    /** The live site's long transaction: it has read the table and keeps its ACCESS SHARE lock. */
    private Connection blockerReading(String database) throws SQLException {
        Connection blocker = server.admin(database);
        blocker.setAutoCommit(false);
        try (Statement statement = blocker.createStatement()) {
            statement.execute("SELECT count(*) FROM customers");
        }
        return blocker;
    }

    private List<String> columns(String database) throws SQLException {
        return server.queryColumn(database,
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' ORDER BY 1");
    }

    private boolean migratorQueuedForAccessExclusive(String database) {
        try {
            return !server.queryColumn(database, "SELECT pid FROM pg_locks WHERE NOT granted"
                    + " AND mode = 'AccessExclusiveLock' AND relation = 'customers'::regclass").isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aBlockedMigrationRetriesAndSucceedsOnceTheBlockerCommits() throws Exception {
        String database = server.createDatabase("locks_" + DATABASES.incrementAndGet());
        Map<String, String> env = addColumnPending(database, "0.5", "10");
        Connection blocker = blockerReading(database);
        LiveRun migrator = LiveRun.start(env);

        await("the first retry", () -> migrator.out().contains("retry 1 of 10"));
        assertThat(columns(database)).as("nothing applied while blocked").containsExactly("id", "name");
        blocker.commit();
        blocker.close();
        Run run = migrator.finish();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString())
                .contains("migrator: V2__pending.sql: a lock was not granted within 0.5 s"
                        + " (ERROR: canceling statement due to lock timeout [SQL state 55P03]); rolled back, retry 1 of 10 in 1 s")
                .contains("migrator: done: version 1 -> 2, 1 migration applied");
        assertThat(columns(database)).containsExactly("id", "name", "note");
    }

    @Test
    void aReaderArrivingBehindTheBlockedMigrationWaitsNoLongerThanTheLockTimeout() throws Exception {
        String database = server.createDatabase("locks_" + DATABASES.incrementAndGet());
        Map<String, String> env = addColumnPending(database, "2", "0");
        Duration lockTimeout = Duration.ofSeconds(2);
        Connection blocker = blockerReading(database);
        LiveRun migrator = LiveRun.start(env);
        await("the migration to queue for its ACCESS EXCLUSIVE lock", () -> migratorQueuedForAccessExclusive(database));

        long waited;
        try (Connection reader = server.admin(database); Statement read = reader.createStatement()) {
            // Without lock_timeout the reader would queue until the blocker ends; this ends the test instead.
            read.execute("SET statement_timeout = '60s'");
            long start = System.nanoTime();
            read.execute("SELECT count(*) FROM customers");
            waited = System.nanoTime() - start;
        }
        Run run = migrator.finish();
        blocker.rollback();
        blocker.close();

        assertThat(Duration.ofNanos(waited)).as("the reader queued behind the migration").isLessThan(
                lockTimeout.plus(READER_SLACK));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    }

    @Test
    void theRetriesAreBoundedThenExitThreeWithTheSchemaUnchanged() throws Exception {
        String database = server.createDatabase("locks_" + DATABASES.incrementAndGet());
        Map<String, String> env = addColumnPending(database, "0.2", "2");
        Connection blocker = blockerReading(database);

        Run run = LiveRun.start(env).finish();
        blocker.rollback();
        blocker.close();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out().lines().filter(line -> line.contains("a lock was not granted"))).as(run.toString())
                .containsExactly(
                        "migrator: V2__pending.sql: a lock was not granted within 0.2 s (ERROR: canceling statement"
                                + " due to lock timeout [SQL state 55P03]); rolled back, retry 1 of 2 in 1 s",
                        "migrator: V2__pending.sql: a lock was not granted within 0.2 s (ERROR: canceling statement"
                                + " due to lock timeout [SQL state 55P03]); rolled back, retry 2 of 2 in 2 s");
        assertThat(run.err()).as(run.toString()).contains("V2__pending.sql did not get its locks within 0.2 s in 3"
                + " attempts").contains("the schema stays at version 1");
        assertThat(columns(database)).containsExactly("id", "name");
        assertThat(server.queryColumn(database, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1");
    }

    @Test
    void aStatementTimeoutFailsTheMigrationWithoutRetrying() throws Exception {
        String database = server.createDatabase("locks_" + DATABASES.incrementAndGet());
        Map<String, String> env = customersAtV1(database,
                "ALTER TABLE customers ADD COLUMN note TEXT;\nSELECT pg_sleep(30);\n");
        env.put(LockSafety.STATEMENT_TIMEOUT_VARIABLE, "0.5");

        Run run = Run.inProcess(env);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString()).contains("migration V2__pending.sql failed at line 2")
                .contains("canceling statement due to statement timeout").contains("the schema stays at version 1");
        assertThat(run.out()).doesNotContain("retry");
        assertThat(columns(database)).containsExactly("id", "name");
    }

    @Test
    void aConcurrentIndexBuildWaitsForOlderTransactionsWithoutALockTimeout() throws Exception {
        String database = server.createDatabase("locks_" + DATABASES.incrementAndGet());
        customersAtV1(database, "CREATE INDEX CONCURRENTLY customers_name ON customers (name);\n");
        FluentConfiguration configuration = Flyway.configure(getClass().getClassLoader())
                .dataSource(server.url(database), PostgresServer.APP_USER, PostgresServer.APP_PASSWORD)
                .locations("filesystem:" + sql);
        // Flyway's transaction-scoped advisory lock would make the index build wait for Flyway itself.
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        LockTimeouts.addTo(configuration, new LockSafety(Duration.ofMillis(200), Duration.ZERO, 0));
        Flyway flyway = configuration.load();
        Connection writer = server.admin(database);
        writer.setAutoCommit(false);
        try (Statement write = writer.createStatement()) {
            write.execute("UPDATE customers SET name = 'b' WHERE id = 1");
        }

        CompletableFuture<MigrateResult> migration = CompletableFuture.supplyAsync(flyway::migrate);
        await("the index build to wait for the writer", () -> indexBuildWaitsForALock(database));
        // Ten lock timeouts: with the timeout the build would have failed and left an INVALID index.
        Thread.sleep(2_000);
        assertThat(indexBuildWaitsForALock(database)).as("still waiting, not cancelled").isTrue();
        writer.commit();
        writer.close();

        assertThat(migration.get(60, TimeUnit.SECONDS).migrationsExecuted).isEqualTo(1);
        assertThat(server.queryColumn(database, "SELECT indisvalid FROM pg_index"
                + " WHERE indexrelid = 'customers_name'::regclass")).containsExactly("t");
    }

    private boolean indexBuildWaitsForALock(String database) {
        try {
            return !server.queryColumn(database, "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'CREATE INDEX CONCURRENTLY%'").isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The migrator running in-process on another thread, its stdout readable while it runs. */
    private record LiveRun(CompletableFuture<Integer> exit, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
        static LiveRun start(Map<String, String> env) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            return new LiveRun(CompletableFuture.supplyAsync(() -> Main.run(env, outStream, errStream)), out, err);
        }

        String out() {
            return stdout.toString(StandardCharsets.UTF_8); // ByteArrayOutputStream is synchronized
        }

        boolean running() {
            return !exit.isDone();
        }

        Run finish() throws Exception {
            int code = exit.get(120, TimeUnit.SECONDS);
            return new Run(code, out(), stderr.toString(StandardCharsets.UTF_8));
        }
    }
}
