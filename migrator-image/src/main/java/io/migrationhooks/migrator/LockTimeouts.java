package io.migrationhooks.migrator;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

/**
 * Sets lock_timeout and statement_timeout on the migration's connection before each migration.
 * Flyway runs this callback inside the migration's transaction, so a rollback also undoes the SET;
 * it is set again before the next migration.
 *
 * <p>A migration that cannot run in a transaction (CREATE INDEX CONCURRENTLY, DROP INDEX
 * CONCURRENTLY, VACUUM) runs with the session's defaults (normally neither timeout): its SHARE UPDATE EXCLUSIVE lock does not queue reads or
 * writes, but it waits for every older transaction, and a timeout there would leave an INVALID index
 * half built, which only a person can clean up.
 */
final class LockTimeouts implements Callback {
    private final LockSafety safety;

    LockTimeouts(LockSafety safety) {
        this.safety = safety;
    }

    /** Adds this callback to those configured (FLYWAY_CALLBACKS), which stay. */
    static void addTo(FluentConfiguration configuration, LockSafety safety) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(new LockTimeouts(safety));
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }

    static boolean isTransactional(MigrationInfo migration) {
        return !(migration instanceof MigrationInfoImpl impl) || impl.canExecuteInTransaction();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        boolean transactional = isTransactional(context.getMigrationInfo());
        // DEFAULT: the value the role, database or server gives the session (normally none).
        String lock = transactional ? LockSafety.setting(safety.lockTimeout()) : "DEFAULT";
        String statement = transactional && !safety.statementTimeout().isZero()
                ? LockSafety.setting(safety.statementTimeout()) : "DEFAULT";
        try (Statement set = context.getConnection().createStatement()) {
            set.execute("SET lock_timeout = " + lock);
            set.execute("SET statement_timeout = " + statement);
        } catch (SQLException e) {
            throw new FlywayException("could not set lock_timeout and statement_timeout: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "migrator lock timeouts";
    }
}
