package io.migrationhooks.migrator;

import io.migrationhooks.migrator.lint.PreFlight;
import java.io.PrintStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the migration Job: configuration, wait for the database, migrate, exit code. */
public final class Main {
    /** Held so the level set below is not lost when java.util.logging drops an unreferenced logger. */
    private static final Logger POSTGRES_DRIVER_LOG = Logger.getLogger("org.postgresql");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("lint")) {
            System.exit(io.migrationhooks.migrator.lint.LintCommand.run(
                    java.util.List.of(args).subList(1, args.length), System.out, System.err));
        }
        System.exit(run(System.getenv(), System.out, System.err));
    }

    /** The whole program with its environment and streams injected; returns the exit code. */
    public static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        boolean debug = "true".equalsIgnoreCase(env.get("MIGRATOR_DEBUG"));
        // The driver's two-line java.util.logging warnings repeat what the migrator reports in one line.
        POSTGRES_DRIVER_LOG.setLevel(debug ? Level.INFO : Level.OFF);
        try {
            MigratorConfig config = MigratorConfig.fromEnvironment(env);
            PreFlight.Mode lint = PreFlight.mode(env.get("MIGRATOR_LINT"));
            if (lint == null) {
                throw MigratorException.badConfiguration("MIGRATOR_LINT",
                        "must be error, warn or off, not '" + env.get("MIGRATOR_LINT") + "'");
            }
            MigrationRunner runner = MigrationRunner.prepare(config, System::nanoTime, out, err);
            new DatabaseWaiter(new JdbcConnector(), duration -> Thread.sleep(duration.toMillis()), System::nanoTime, out)
                    .awaitDatabase(config);
            org.flywaydb.core.api.MigrationInfoService migrations = runner.info();
            if (!PreFlight.check(lint, migrations.applied(), migrations.pending(), config.locations(),
                    MigrationRunner.class.getClassLoader(), out)) {
                return ExitCode.MIGRATION_FAILED.code();
            }
            runner.migrate();
            return ExitCode.OK.code();
        } catch (MigratorException e) {
            err.println("migrator: " + e.getMessage());
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return e.exitCode().code();
        } catch (RuntimeException e) {
            err.println("migrator: unexpected failure: " + e + (debug ? "" : " (MIGRATOR_DEBUG=true shows the stack trace)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCode.MIGRATION_FAILED.code();
        }
    }
}
