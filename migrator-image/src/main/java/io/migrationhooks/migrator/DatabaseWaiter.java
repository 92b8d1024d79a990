package io.migrationhooks.migrator;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Waits until the database accepts a login, because Helm waits only for the Job, not for the
 * database hook it created just before. Retries with capped exponential backoff and prints one line
 * per attempt; a wrong password is a configuration error, not something waiting can fix.
 */
public final class DatabaseWaiter {

    /** Opens one connection and closes it again; throws what the driver threw. */
    @FunctionalInterface
    public interface Connector {
        void tryConnect(MigratorConfig config, Duration timeout) throws SQLException;
    }

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration MIN_ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

    private final Connector connector;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final PrintStream out;

    public DatabaseWaiter(Connector connector, Sleeper sleeper, LongSupplier nanoTime, PrintStream out) {
        this.connector = connector;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.out = out;
    }

    public void awaitDatabase(MigratorConfig config) throws MigratorException {
        String target = "database " + config.address() + " as user " + config.user();
        long start = nanoTime.getAsLong();
        Duration delay = FIRST_DELAY;
        String lastError;
        int attempt = 0;
        while (true) {
            attempt++;
            Duration remaining = config.waitTimeout().minus(elapsedSince(start));
            Duration attemptTimeout = clamp(remaining, MIN_ATTEMPT_TIMEOUT, MAX_ATTEMPT_TIMEOUT);
            try {
                connector.tryConnect(config, attemptTimeout);
                out.printf(Locale.ROOT, "migrator: %s is reachable (attempt %d, after %s)%n",
                        target, attempt, seconds(elapsedSince(start)));
                return;
            } catch (SQLException e) {
                lastError = config.redact(describe(e));
                if (isLoginRefused(e)) {
                    throw MigratorException.badConfiguration(config.passwordVariable(),
                            "or FLYWAY_USER is wrong: " + target + " refused the login: " + lastError);
                }
            }
            remaining = config.waitTimeout().minus(elapsedSince(start));
            if (remaining.isZero() || remaining.isNegative()) {
                break;
            }
            Duration sleep = delay.compareTo(remaining) < 0 ? delay : remaining;
            out.printf(Locale.ROOT, "migrator: waiting for %s: attempt %d failed: %s; next attempt in %s%n",
                    target, attempt, lastError, seconds(sleep));
            try {
                sleeper.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigratorException(ExitCode.DATABASE_UNREACHABLE, "interrupted while waiting for " + target);
            }
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) < 0 ? delay.multipliedBy(2) : MAX_DELAY;
        }
        throw new MigratorException(ExitCode.DATABASE_UNREACHABLE, String.format(Locale.ROOT,
                "%s is not reachable: gave up after %d attempt%s in %s (MIGRATOR_WAIT_TIMEOUT=%d); last error: %s",
                target, attempt, attempt == 1 ? "" : "s", seconds(elapsedSince(start)), config.waitTimeout().toSeconds(),
                lastError));
    }

    /**
     * 28P01: the role exists and the password is wrong; waiting will not help. 28000 (no such role,
     * no pg_hba.conf entry) is retried: setups that create roles after the server listens show it briefly.
     */
    static boolean isLoginRefused(SQLException e) {
        return "28P01".equals(e.getSQLState());
    }

    /** The driver's message plus the underlying cause (unknown host, refused, timed out). */
    static String describe(SQLException e) {
        StringBuilder text = new StringBuilder(oneLine(e.getMessage()));
        if (e.getSQLState() != null) {
            text.append(" [SQL state ").append(e.getSQLState()).append(']');
        }
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
            text.append(" (").append(cause.getClass().getSimpleName()).append(": ")
                    .append(oneLine(cause.getMessage())).append(')');
        }
        return text.toString();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private Duration elapsedSince(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
