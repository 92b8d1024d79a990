package io.migrationhooks.migrator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * How migrations are kept from stalling the live site: each transactional migration runs with
 * {@code lock_timeout} (and, when set, {@code statement_timeout}); a migration whose lock is not
 * granted in time is rolled back and retried with backoff, at most {@code retries} times.
 *
 * @param lockTimeout PostgreSQL's lock_timeout for transactional migrations; zero means none
 * @param statementTimeout PostgreSQL's statement_timeout for transactional migrations; zero leaves the
 *     session's default (normally none)
 * @param retries how often a migration that timed out on a lock is tried again
 */
public record LockSafety(Duration lockTimeout, Duration statementTimeout, int retries) {
    public static final String LOCK_TIMEOUT_VARIABLE = "MIGRATOR_LOCK_TIMEOUT_STATEMENT";
    public static final String STATEMENT_TIMEOUT_VARIABLE = "MIGRATOR_STATEMENT_TIMEOUT";
    public static final String RETRIES_VARIABLE = "MIGRATOR_LOCK_RETRIES";

    public static final LockSafety DEFAULTS = new LockSafety(Duration.ofSeconds(5), Duration.ZERO, 5);

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public static LockSafety fromEnvironment(Map<String, String> env) throws MigratorException {
        return new LockSafety(
                seconds(env, LOCK_TIMEOUT_VARIABLE, DEFAULTS.lockTimeout()),
                seconds(env, STATEMENT_TIMEOUT_VARIABLE, DEFAULTS.statementTimeout()),
                count(env, RETRIES_VARIABLE, DEFAULTS.retries()));
    }

    /** The pause before retry {@code retry} (1-based): 1 s, 2 s, 4 s, ... at most 30 s. */
    public Duration backoff(int retry) {
        Duration pause = FIRST_BACKOFF.multipliedBy(1L << Math.min(retry - 1, 16));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }

    /** The value PostgreSQL's SET takes: whole milliseconds, 0 for none. */
    static String setting(Duration timeout) {
        return Long.toString(timeout.toMillis());
    }

    static String describe(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) throws MigratorException {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            BigDecimal seconds = new BigDecimal(value.strip());
            BigDecimal millis = seconds.movePointRight(3);
            if (seconds.signum() >= 0 && millis.stripTrailingZeros().scale() <= 0
                    && millis.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return Duration.ofMillis(millis.longValueExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw MigratorException.badConfiguration(name,
                "must be a number of seconds (0 or more, e.g. 5 or 0.5; 0 = none), not '" + value.strip() + "'");
    }

    private static int count(Map<String, String> env, String name, int fallback) throws MigratorException {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0 && count <= 100) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw MigratorException.badConfiguration(name, "must be a whole number from 0 to 100, not '" + value.strip() + "'");
    }
}
