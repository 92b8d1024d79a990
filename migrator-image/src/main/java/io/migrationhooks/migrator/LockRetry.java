package io.migrationhooks.migrator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Runs Flyway's migrate again when a transactional migration was rolled back because a lock was
 * not granted within lock_timeout (SQL state 55P03): another transaction holds the table, and
 * waiting longer would queue the live site's queries behind the migration. Backs off between
 * attempts, prints each retry, and after {@link LockSafety#retries()} retries of one migration
 * gives up with exit 3 (the database is there but busy: a later run may succeed).
 */
final class LockRetry {
    static final String LOCK_NOT_AVAILABLE = "55P03";

    /** Pauses between attempts; tests pass one that does not sleep. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What all attempts together did: the version before the first and how many migrations applied. */
    record Applied(String initialSchemaVersion, int migrationsExecuted) {
    }

    private final LockSafety safety;
    private final Sleeper sleeper;
    private final PrintStream out;

    LockRetry(LockSafety safety, Sleeper sleeper, PrintStream out) {
        this.safety = safety;
        this.sleeper = sleeper;
        this.out = out;
    }

    /**
     * Migrates until done; rethrows every failure that is not a lock timeout of a transactional
     * migration. {@code schemaVersion} names the schema's version for the give-up message.
     */
    Applied migrate(Supplier<MigrateResult> attempt, Supplier<String> schemaVersion) throws MigratorException {
        String initialVersion = null;
        int executed = 0;
        String blockedScript = null;
        int retries = 0;
        while (true) {
            try {
                MigrateResult result = attempt.get();
                return new Applied(initialVersion == null ? result.initialSchemaVersion : initialVersion,
                        executed + result.migrationsExecuted);
            } catch (FlywayMigrateException e) {
                if (!isLockTimeout(e)) {
                    throw e;
                }
                MigrateResult partial = e.getErrorResult();
                if (partial != null) {
                    initialVersion = initialVersion == null ? partial.initialSchemaVersion : initialVersion;
                    executed += partial.migrationsExecuted;
                }
                String script = script(e.getMigration());
                if (!script.equals(blockedScript)) {
                    blockedScript = script; // an earlier migration went through: this one gets its own retries
                    retries = 0;
                }
                if (retries == safety.retries()) {
                    throw new MigratorException(ExitCode.DATABASE_UNREACHABLE, String.format(Locale.ROOT,
                            "%s did not get its locks within %s in %d attempt%s, another transaction holds them;"
                                    + " its changes were rolled back, the schema stays at version %s; run again"
                                    + " when the table is free (%s, %s)",
                            script, LockSafety.describe(safety.lockTimeout()), retries + 1, retries == 0 ? "" : "s",
                            schemaVersion.get(), LockSafety.LOCK_TIMEOUT_VARIABLE, LockSafety.RETRIES_VARIABLE), e);
                }
                retries++;
                Duration pause = safety.backoff(retries);
                out.printf(Locale.ROOT, "migrator: %s: a lock was not granted within %s (%s); rolled back,"
                                + " retry %d of %d in %s%n", script, LockSafety.describe(safety.lockTimeout()),
                        DatabaseWaiter.oneLine(rootMessage(e)), retries, safety.retries(),
                        LockSafety.describe(pause));
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new MigratorException(ExitCode.DATABASE_UNREACHABLE,
                            "interrupted while waiting to retry " + script, interrupted);
                }
            }
        }
    }

    /** Only a transactional migration was rolled back as a whole; a non-transactional one may be half done. */
    static boolean isLockTimeout(FlywayMigrateException e) {
        return e.isExecutableInTransaction() && LOCK_NOT_AVAILABLE.equals(sqlState(e));
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return e instanceof FlywayMigrateException migrate ? migrate.getSqlState() : null;
    }

    private static String rootMessage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return DatabaseWaiter.describe(sql);
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static String script(MigrationInfo migration) {
        return migration == null || migration.getScript() == null ? "a migration" : migration.getScript();
    }
}
