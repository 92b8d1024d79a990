package io.migrationhooks.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** How the environment becomes Flyway's configuration (no database needed). */
class MigrationRunnerTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private static Configuration flyway(String... extra) throws MigratorException {
        Map<String, String> env = new HashMap<>(Map.of(
                "FLYWAY_URL", "jdbc:postgresql://orders-db:5432/orders",
                "FLYWAY_USER", "orders_app",
                "FLYWAY_PASSWORD", "hunter2-secret"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return MigrationRunner.prepare(MigratorConfig.fromEnvironment(env), System::nanoTime, NOWHERE, NOWHERE)
                .flywayConfiguration();
    }

    @Test
    void aSecondRunnerWaitsForTheLockAsLongAsTheFirstOneMigrates() throws Exception {
        assertThat(flyway().getLockRetryCount()).isEqualTo(-1);
        assertThat(flyway("FLYWAY_LOCK_RETRY_COUNT", "5").getLockRetryCount()).isEqualTo(5);
    }

    @Test
    void safetyNetsAreOn() throws Exception {
        Configuration configuration = flyway();

        assertThat(configuration.isFailOnMissingLocations()).isTrue();
        assertThat(configuration.isValidateMigrationNaming()).isTrue();
        assertThat(configuration.isCleanDisabled()).isTrue();
        assertThat(configuration.getConnectRetries()).isZero();
        assertThat(configuration.getLocations()).extracting(Object::toString).containsExactly("classpath:db/migration");
    }

    @Test
    void eachMigrationGetsItsLockTimeoutsBesideTheConfiguredCallbacks() throws Exception {
        assertThat(flyway().getCallbacks()).hasExactlyElementsOfTypes(LockTimeouts.class);
        assertThat(flyway("FLYWAY_CALLBACKS", TestCallback.class.getName()).getCallbacks())
                .hasExactlyElementsOfTypes(TestCallback.class, LockTimeouts.class);
    }

    /** A user's callback, named in FLYWAY_CALLBACKS. */
    public static final class TestCallback implements org.flywaydb.core.api.callback.Callback {
        @Override
        public boolean supports(org.flywaydb.core.api.callback.Event event, org.flywaydb.core.api.callback.Context c) {
            return false;
        }

        @Override
        public boolean canHandleInTransaction(org.flywaydb.core.api.callback.Event event,
                org.flywaydb.core.api.callback.Context context) {
            return true;
        }

        @Override
        public void handle(org.flywaydb.core.api.callback.Event event, org.flywaydb.core.api.callback.Context c) {
        }

        @Override
        public String getCallbackName() {
            return "test";
        }
    }

    @Test
    void environmentReachesFlyway() throws Exception {
        Configuration configuration = flyway("FLYWAY_SCHEMAS", "shop,audit", "FLYWAY_TABLE", "schema_history",
                "FLYWAY_PLACEHOLDERS_OWNER", "orders_app");

        assertThat(configuration.getSchemas()).containsExactly("shop", "audit");
        assertThat(configuration.getTable()).isEqualTo("schema_history");
        assertThat(configuration.getPlaceholders()).containsEntry("owner", "orders_app");
        assertThat(configuration.getUser()).isEqualTo("orders_app");
    }
}
