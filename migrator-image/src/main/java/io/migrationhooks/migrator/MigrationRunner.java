package io.migrationhooks.migrator;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Brings the schema to the newest version with Flyway. Concurrent runners are serialized by
 * Flyway's PostgreSQL advisory lock; each migration runs in its own transaction, so a failure
 * leaves the schema at the last good version and a fixed script applies on the next run.
 */
public final class MigrationRunner {
    private final MigratorConfig config;
    private final Flyway flyway;
    private final LongSupplier nanoTime;
    private final PrintStream out;
    private final LockRetry lockRetry;

    private MigrationRunner(MigratorConfig config, Flyway flyway, LongSupplier nanoTime, PrintStream out) {
        this.config = config;
        this.flyway = flyway;
        this.nanoTime = nanoTime;
        this.out = out;
        this.lockRetry = new LockRetry(config.lockSafety(), duration -> Thread.sleep(duration.toMillis()), out);
    }

    /** Builds the Flyway configuration now, so bad FLYWAY_* settings fail before any waiting. */
    public static MigrationRunner prepare(MigratorConfig config, LongSupplier nanoTime, PrintStream out,
            PrintStream err) throws MigratorException {
        Flyway flyway;
        try {
            FluentConfiguration configuration = Flyway.configure(MigrationRunner.class.getClassLoader())
                    // Flyway gives up on the lock after 50 one-second retries; a second runner must instead
                    // wait for a long migration to finish (Helm's timeout bounds the Job). FLYWAY_LOCK_RETRY_COUNT wins.
                    .lockRetryCount(-1)
                    .configuration(config.otherFlywaySettings())
                    .dataSource(config.url(), config.user(), config.password())
                    .locations(config.locations().toArray(String[]::new))
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .connectRetries(0);
            if (!config.schemas().isEmpty()) {
                configuration.schemas(config.schemas().toArray(String[]::new));
            }
            LockTimeouts.addTo(configuration, config.lockSafety());
            flyway = configuration.load();
        } catch (FlywayException e) {
            throw new MigratorException(ExitCode.BAD_CONFIGURATION,
                    "a FLYWAY_* setting is invalid: " + config.redact(DatabaseWaiter.oneLine(e.getMessage())), e);
        }
        // Flyway keeps its log target in a static that its constructor resets, so this comes after load().
        LogFactory.setLogCreator(new FlywayLog(err, config.debug()));
        return new MigrationRunner(config, flyway, nanoTime, out);
    }

    Configuration flywayConfiguration() {
        return flyway.getConfiguration();
    }

    /** The migrations Flyway sees: applied ones from the schema history, pending ones from the locations. */
    org.flywaydb.core.api.MigrationInfoService info() {
        return flyway.info();
    }

    public void migrate() throws MigratorException {
        long start = nanoTime.getAsLong();
        LockRetry.Applied result;
        try {
            result = lockRetry.migrate(flyway::migrate, this::currentVersion);
        } catch (FlywayMigrateException e) {
            throw new MigratorException(ExitCode.MIGRATION_FAILED, describeFailedMigration(e), e);
        } catch (FlywayException e) {
            throw new MigratorException(ExitCode.MIGRATION_FAILED,
                    "migration of " + config.address() + " failed: " + config.redact(e.getMessage()), e);
        }
        Duration took = Duration.ofNanos(nanoTime.getAsLong() - start);
        String before = versionOrEmpty(result.initialSchemaVersion());
        // The schema's version now, not the last one this runner applied: a concurrent runner may have
        // applied later migrations between two of ours (Flyway locks per migration).
        String after = currentVersion();
        String schemas = config.schemas().isEmpty() ? "" : ", schema " + String.join(",", config.schemas());
        out.printf(Locale.ROOT, "migrator: done: version %s -> %s, %d migration%s applied in %.2f s (%s%s)%n",
                before, after, result.migrationsExecuted(), result.migrationsExecuted() == 1 ? "" : "s",
                took.toMillis() / 1000.0, config.address(), schemas);
    }

    private String describeFailedMigration(FlywayMigrateException e) {
        MigrationInfo migration = e.getMigration();
        String script = migration == null ? "a migration" : "migration " + migration.getScript();
        String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
        String aftermath = e.isExecutableInTransaction()
                ? "its changes were rolled back, the schema stays at version " + currentVersion()
                        + "; fix the script and run again"
                : "it ran outside a transaction and may be partly applied; repair the database by hand, then run `flyway repair`";
        return config.redact(script + " failed" + where + ": " + databaseError(e) + "; " + aftermath);
    }

    /** The database's own words (e.g. `ERROR: relation "orders" does not exist`), not Flyway's wrapper text. */
    private static String databaseError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return DatabaseWaiter.describe(sql);
            }
        }
        return DatabaseWaiter.oneLine(e.getMessage());
    }

    private String currentVersion() {
        try {
            MigrationInfo current = flyway.info().current();
            return current == null || current.getVersion() == null ? "empty" : current.getVersion().toString();
        } catch (FlywayException e) {
            return "unknown (" + DatabaseWaiter.oneLine(e.getMessage()) + ")";
        }
    }

    private static String versionOrEmpty(String version) {
        return version == null || version.isEmpty() ? "empty" : version;
    }
}
