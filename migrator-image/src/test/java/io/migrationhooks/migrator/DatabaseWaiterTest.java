package io.migrationhooks.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waiting logic on a fake clock: no real sleeping, no database. */
class DatabaseWaiterTest {
    private long now;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Duration> attemptTimeouts = new ArrayList<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private DatabaseWaiter waiter(int failuresBeforeSuccess, SQLException failure) {
        DatabaseWaiter.Connector connector = (config, timeout) -> {
            attemptTimeouts.add(timeout);
            now += Duration.ofMillis(100).toNanos();
            if (attemptTimeouts.size() <= failuresBeforeSuccess) {
                throw failure;
            }
        };
        DatabaseWaiter.Sleeper sleeper = duration -> {
            sleeps.add(duration);
            now += duration.toNanos();
        };
        return new DatabaseWaiter(connector, sleeper, () -> now, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private static MigratorConfig config(int timeoutSeconds) throws MigratorException {
        return MigratorConfig.fromEnvironment(Map.of(
                "FLYWAY_URL", "jdbc:postgresql://orders-db:5432/orders",
                "FLYWAY_USER", "orders_app",
                "FLYWAY_PASSWORD", "hunter2-secret",
                "MIGRATOR_WAIT_TIMEOUT", Integer.toString(timeoutSeconds)));
    }

    private static SQLException refused() {
        return new SQLException("Connection to orders-db:5432 refused.", "08001", new ConnectException("Connection refused"));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void retriesWithCappedExponentialBackoffAndOneLinePerAttempt() throws Exception {
        waiter(7, refused()).awaitDatabase(config(300));

        assertThat(sleeps).extracting(Duration::toMillis).containsExactly(500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L);
        assertThat(output().lines()).hasSize(8);
        assertThat(output().lines().findFirst()).hasValue("migrator: waiting for database orders-db:5432/orders as user orders_app:"
                + " attempt 1 failed: Connection to orders-db:5432 refused. [SQL state 08001] (ConnectException: Connection refused);"
                + " next attempt in 0.5 s");
        assertThat(output()).endsWith("migrator: database orders-db:5432/orders as user orders_app is reachable (attempt 8, after 23.3 s)\n");
    }

    @Test
    void givesUpAfterTheTimeoutWithExitThreeAndSaysWhatWasTried() throws Exception {
        DatabaseWaiter waiter = waiter(Integer.MAX_VALUE, refused());

        assertThatThrownBy(() -> waiter.awaitDatabase(config(10)))
                .isInstanceOfSatisfying(MigratorException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
                    assertThat(e.getMessage()).isEqualTo("database orders-db:5432/orders as user orders_app is not reachable:"
                            + " gave up after 6 attempts in 10.1 s (MIGRATOR_WAIT_TIMEOUT=10); last error:"
                            + " Connection to orders-db:5432 refused. [SQL state 08001] (ConnectException: Connection refused)");
                });
        assertThat(sleeps.stream().mapToLong(Duration::toMillis).sum()).as("never sleeps past the deadline").isLessThanOrEqualTo(10_000);
        assertThat(attemptTimeouts).allSatisfy(timeout -> assertThat(timeout).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10)));
    }

    @Test
    void zeroTimeoutMeansOneAttempt() throws Exception {
        assertThatThrownBy(() -> waiter(1, refused()).awaitDatabase(config(0)))
                .hasMessageContaining("gave up after 1 attempt in ");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRefusedLoginIsBadConfigurationAndIsNotRetried() throws Exception {
        SQLException wrongPassword = new SQLException(
                "FATAL: password authentication failed for user \"orders_app\"", "28P01");

        assertThatThrownBy(() -> waiter(Integer.MAX_VALUE, wrongPassword).awaitDatabase(config(300)))
                .isInstanceOfSatisfying(MigratorException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_CONFIGURATION);
                    assertThat(e.getMessage()).startsWith("FLYWAY_PASSWORD or FLYWAY_USER is wrong: database orders-db:5432/orders"
                            + " as user orders_app refused the login: FATAL: password authentication failed");
                });
        assertThat(attemptTimeouts).hasSize(1);
    }

    @Test
    void aRoleThatDoesNotExistYetIsWaitedFor() throws Exception {
        SQLException noRole = new SQLException("FATAL: role \"orders_app\" does not exist", "28000");

        waiter(2, noRole).awaitDatabase(config(300));

        assertThat(output()).contains("attempt 2 failed: FATAL: role \"orders_app\" does not exist [SQL state 28000]")
                .contains("is reachable (attempt 3, ");
    }

    @Test
    void aDriverMessageThatEchoesThePasswordIsRedacted() throws Exception {
        SQLException leaky = new SQLException("could not connect with password hunter2-secret", "08001");

        assertThatThrownBy(() -> waiter(Integer.MAX_VALUE, leaky).awaitDatabase(config(2)))
                .hasMessageContaining("with password ****")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(output()).contains("with password ****").doesNotContain("hunter2");
    }
}
