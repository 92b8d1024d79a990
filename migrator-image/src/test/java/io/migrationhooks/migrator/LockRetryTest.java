package io.migrationhooks.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.junit.jupiter.api.Test;

/** The retry loop on scripted Flyway outcomes and a clock that does not sleep. */
class LockRetryTest {
    private final List<Duration> pauses = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private LockRetry retry(int retries) {
        return new LockRetry(new LockSafety(Duration.ofSeconds(5), Duration.ZERO, retries), pauses::add,
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static MigrationInfo migration(String script) {
        return (MigrationInfo) Proxy.newProxyInstance(LockRetryTest.class.getClassLoader(),
                new Class<?>[] {MigrationInfo.class},
                (proxy, method, args) -> method.getName().equals("getScript") ? script : null);
    }

    private static FlywayMigrateException failure(String script, String sqlState, boolean transactional, int applied) {
        MigrateResult partial = new MigrateResult();
        partial.initialSchemaVersion = "1";
        partial.migrationsExecuted = applied;
        return new FlywayMigrateException(migration(script), false,
                new SQLException("ERROR: canceling statement due to lock timeout", sqlState), transactional, partial);
    }

    private static MigrateResult success(String initialVersion, int applied) {
        MigrateResult result = new MigrateResult();
        result.initialSchemaVersion = initialVersion;
        result.migrationsExecuted = applied;
        return result;
    }

    /** Outcomes in order: a RuntimeException is thrown, a MigrateResult returned. */
    private static Supplier<MigrateResult> attempts(Object... outcomes) {
        Deque<Object> queue = new ArrayDeque<>(List.of(outcomes));
        return () -> {
            Object next = queue.removeFirst();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (MigrateResult) next;
        };
    }

    @Test
    void aLockTimeoutIsRetriedWithBackoffAndTheAttemptsAddUp() throws Exception {
        LockRetry.Applied applied = retry(5).migrate(attempts(
                failure("V3__index.sql", "55P03", true, 1),
                failure("V3__index.sql", "55P03", true, 0),
                success("2", 2)), () -> "2");

        assertThat(applied).isEqualTo(new LockRetry.Applied("1", 3));
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "migrator: V3__index.sql: a lock was not granted within 5 s (ERROR: canceling statement due to lock"
                        + " timeout [SQL state 55P03]); rolled back, retry 1 of 5 in 1 s",
                "migrator: V3__index.sql: a lock was not granted within 5 s (ERROR: canceling statement due to lock"
                        + " timeout [SQL state 55P03]); rolled back, retry 2 of 5 in 2 s");
    }

    @Test
    void afterTheBoundItGivesUpWithExitThree() {
        assertThatThrownBy(() -> retry(1).migrate(attempts(
                failure("V3__a.sql", "55P03", true, 0), failure("V3__a.sql", "55P03", true, 0)), () -> "2"))
                .isInstanceOfSatisfying(MigratorException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("V3__a.sql did not get its locks within 5 s in 2 attempts")
                            .contains("the schema stays at version 2");
                });
        assertThat(pauses).hasSize(1);
    }

    @Test
    void eachMigrationGetsItsOwnRetries() throws Exception {
        LockRetry.Applied applied = retry(1).migrate(attempts(
                failure("V2__a.sql", "55P03", true, 0),
                failure("V3__b.sql", "55P03", true, 1),
                success("2", 1)), () -> "3");
        assertThat(applied.migrationsExecuted()).isEqualTo(2);
        assertThat(pauses).hasSize(2);
    }

    @Test
    void otherFailuresAndNonTransactionalMigrationsAreNotRetried() {
        FlywayMigrateException syntax = failure("V2__a.sql", "42601", true, 0);
        assertThatThrownBy(() -> retry(5).migrate(attempts(syntax), () -> "1")).isSameAs(syntax);
        FlywayMigrateException halfDone = failure("V2__a.sql", "55P03", false, 0);
        assertThatThrownBy(() -> retry(5).migrate(attempts(halfDone), () -> "1")).isSameAs(halfDone);
        assertThat(pauses).isEmpty();
    }

    @Test
    void theBackoffDoublesUpToThirtySeconds() {
        LockSafety safety = LockSafety.DEFAULTS;
        assertThat(List.of(1, 2, 3, 5, 6, 40)).extracting(safety::backoff).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(16), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    @Test
    void settingsComeFromTheEnvironment() throws Exception {
        assertThat(LockSafety.fromEnvironment(Map.of())).isEqualTo(
                new LockSafety(Duration.ofSeconds(5), Duration.ZERO, 5));
        Map<String, String> env = new HashMap<>();
        env.put("MIGRATOR_LOCK_TIMEOUT_STATEMENT", "0.25");
        env.put("MIGRATOR_STATEMENT_TIMEOUT", "600");
        env.put("MIGRATOR_LOCK_RETRIES", " 0 ");
        assertThat(LockSafety.fromEnvironment(env)).isEqualTo(
                new LockSafety(Duration.ofMillis(250), Duration.ofMinutes(10), 0));
    }

    @Test
    void badSettingsNameTheVariable() {
        for (String[] bad : new String[][] {{"MIGRATOR_LOCK_TIMEOUT_STATEMENT", "5s"},
                {"MIGRATOR_LOCK_TIMEOUT_STATEMENT", "-1"}, {"MIGRATOR_LOCK_TIMEOUT_STATEMENT", "0.0001"},
                {"MIGRATOR_STATEMENT_TIMEOUT", "soon"}, {"MIGRATOR_LOCK_RETRIES", "-1"},
                {"MIGRATOR_LOCK_RETRIES", "1000"}}) {
            assertThatThrownBy(() -> LockSafety.fromEnvironment(Map.of(bad[0], bad[1])))
                    .isInstanceOfSatisfying(MigratorException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_CONFIGURATION);
                        assertThat(e.getMessage()).startsWith(bad[0] + " must be").contains("'" + bad[1] + "'");
                    });
        }
    }
}
