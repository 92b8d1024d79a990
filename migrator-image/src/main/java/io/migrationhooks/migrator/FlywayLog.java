package io.migrationhooks.migrator;

import java.io.PrintStream;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's own logging, cut down to plain lines: warnings always, everything else only with
 * MIGRATOR_DEBUG=true. Errors are left to the migrator, which reports them once with the exit code.
 */
final class FlywayLog implements LogCreator, Log {
    private final PrintStream err;
    private final boolean debug;

    FlywayLog(PrintStream err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    @Override
    public Log createLogger(Class<?> clazz) {
        return this;
    }

    @Override
    public void debug(String message) {
        if (debug) {
            err.println("flyway debug: " + message);
        }
    }

    @Override
    public void info(String message) {
        if (debug) {
            err.println("flyway: " + message);
        }
    }

    @Override
    public void notice(String message) {
        info(message);
    }

    @Override
    public void warn(String message) {
        err.println("flyway warning: " + message);
    }

    @Override
    public void error(String message) {
        if (debug) {
            err.println("flyway error: " + message);
        }
    }

    @Override
    public void error(String message, Exception e) {
        error(message);
    }
}
