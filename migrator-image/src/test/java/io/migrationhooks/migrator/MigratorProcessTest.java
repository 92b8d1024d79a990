package io.migrationhooks.migrator;

import static io.migrationhooks.migrator.PostgresServer.APP_PASSWORD;
import static io.migrationhooks.migrator.PostgresServer.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The migrator as separate JVMs: exit codes as the Job sees them, and five runners at once. */
@ExtendWith(SharedPostgres.class)
class MigratorProcessTest {
    private static final int RUNNERS = 5;
    private static PostgresServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void useSharedPostgres(PostgresServer shared) {
        server = shared;
    }

    private static Map<String, String> env(String url) {
        Map<String, String> env = new HashMap<>(MigratorPostgresTest.env(url));
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    @Test
    void fiveMigratorsStartedAtOnceApplyEachMigrationExactlyOnceAndAllExitZero() throws Exception {
        String database = server.createDatabase("concurrent");
        // A gate outside the migrated schema: V1 blocks on it until all five runners are connected.
        server.execute(database, "CREATE SCHEMA test_gate; CREATE TABLE test_gate.gate (open BOOLEAN);"
                + " GRANT USAGE ON SCHEMA test_gate TO " + APP_USER + "; GRANT SELECT ON test_gate.gate TO " + APP_USER);
        Path sql = Files.createDirectories(tmp.resolve("sql"));
        Files.writeString(sql.resolve("V1__create_runs.sql"),
                "SELECT count(*) FROM test_gate.gate;\nCREATE TABLE runs (id INTEGER PRIMARY KEY);\n");
        // Fails with a duplicate key if it ever runs twice.
        Files.writeString(sql.resolve("V2__record_run.sql"), "INSERT INTO runs (id) VALUES (1);\n");

        List<MigratorProcess> runners = new ArrayList<>();
        try (Connection gateKeeper = server.admin(database); Statement gate = gateKeeper.createStatement()) {
            gateKeeper.setAutoCommit(false);
            gate.execute("LOCK TABLE test_gate.gate IN ACCESS EXCLUSIVE MODE");
            for (int i = 1; i <= RUNNERS; i++) {
                Map<String, String> env = env(server.url(database) + "?ApplicationName=migrator-" + i);
                env.put("FLYWAY_LOCATIONS", "filesystem:" + sql);
                env.put("MIGRATOR_WAIT_TIMEOUT", "120");
                // V1 must wait at the gate however long five JVMs take to start, not give up after 5 s.
                env.put(LockSafety.LOCK_TIMEOUT_VARIABLE, "0");
                runners.add(MigratorProcess.start(env, tmp.resolve("runner-" + i)));
            }
            awaitSessions(database, RUNNERS);
            gateKeeper.commit();
        }

        int applied = 0;
        Pattern summary = Pattern.compile("migrator: done: version (\\S+) -> 2, (\\d+) migrations? applied in ");
        for (MigratorProcess runner : runners) {
            Run run = runner.await();
            assertThat(run.exitCode()).as(run.toString()).isZero();
            Matcher matcher = summary.matcher(run.out());
            assertThat(matcher.find()).as(run.toString()).isTrue();
            applied += Integer.parseInt(matcher.group(2));
        }
        assertThat(applied).as("migrations applied over all five runners").isEqualTo(2);
        assertThat(server.queryColumn(database, "SELECT count(*) FROM runs")).containsExactly("1");
        assertThat(server.queryColumn(database,
                "SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1:true", "2:true");
    }

    /** Waits until this many migrator sessions are connected at the same time (the gate holds them). */
    private static void awaitSessions(String database, int count) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> connected = server.queryColumn(database, "SELECT count(DISTINCT application_name)"
                    + " FROM pg_stat_activity WHERE application_name LIKE 'migrator-%'");
            if (Integer.parseInt(connected.get(0)) >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the " + count + " migrators never had sessions open at the same time");
    }

    @Test
    void exitCodesAsAProcess() throws Exception {
        String database = server.createDatabase("process_exit_codes");
        Path sql = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(sql.resolve("V1__broken.sql"), "CREATE TABLE broken (id INTEGER PRIMARY KEY, id TEXT);\n");

        Map<String, String> ok = env(server.url(database));
        Map<String, String> failing = env(server.url(server.createDatabase("process_broken")));
        failing.put("FLYWAY_LOCATIONS", "filesystem:" + sql);
        Map<String, String> missingUrl = env(server.url(database));
        missingUrl.remove("FLYWAY_URL");
        Map<String, String> unreachable = env("jdbc:postgresql://localhost:" + PostgresServer.freePort() + "/nothing");
        unreachable.put("MIGRATOR_WAIT_TIMEOUT", "1");

        MigratorProcess first = MigratorProcess.start(ok, tmp.resolve("ok"));
        MigratorProcess second = MigratorProcess.start(missingUrl, tmp.resolve("missing"));
        MigratorProcess third = MigratorProcess.start(unreachable, tmp.resolve("unreachable"));
        Run okRun = first.await();
        Run failingRun = MigratorProcess.start(failing, tmp.resolve("failing")).await();

        assertThat(okRun.exitCode()).as(okRun.toString()).isEqualTo(0);
        assertThat(okRun.err()).as("stderr stays empty, JVM warnings included").isEmpty();
        assertThat(failingRun.exitCode()).as(failingRun.toString()).isEqualTo(1);
        assertThat(failingRun.err()).contains("migration V1__broken.sql failed").contains("column \"id\" specified more than once");
        Run missingRun = second.await();
        assertThat(missingRun.exitCode()).as(missingRun.toString()).isEqualTo(2);
        assertThat(missingRun.err()).isEqualTo("migrator: FLYWAY_URL is not set\n");
        Run unreachableRun = third.await();
        assertThat(unreachableRun.exitCode()).as(unreachableRun.toString()).isEqualTo(3);
        assertThat(okRun.all() + failingRun.all() + unreachableRun.all()).doesNotContain(APP_PASSWORD);
    }
}
