package io.migrationhooks.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MigratorConfigTest {
    @TempDir
    Path tmp;

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("FLYWAY_URL", "jdbc:postgresql://orders-db:5432/orders");
        env.put("FLYWAY_USER", "orders_app");
        env.put("FLYWAY_PASSWORD", "hunter2-secret");
        return env;
    }

    private static Map<String, String> with(String... namesAndValues) {
        Map<String, String> env = valid();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                env.remove(namesAndValues[i]);
            } else {
                env.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return env;
    }

    static Stream<Arguments> badEnvironments() {
        return Stream.of(
                Arguments.of(with("FLYWAY_URL", null), "FLYWAY_URL is not set"),
                Arguments.of(with("FLYWAY_URL", "  "), "FLYWAY_URL is not set"),
                Arguments.of(with("FLYWAY_URL", "jdbc:mysql://db/orders"), "FLYWAY_URL must start with jdbc:postgresql://"),
                Arguments.of(with("FLYWAY_URL", "jdbc:postgresql://db:notaport/orders"), "FLYWAY_URL is not a valid PostgreSQL JDBC URL"),
                Arguments.of(with("FLYWAY_URL", "jdbc:postgresql://db/orders?password=x"), "FLYWAY_URL must not carry the password"),
                Arguments.of(with("FLYWAY_USER", null), "FLYWAY_USER is not set"),
                Arguments.of(with("FLYWAY_PASSWORD", null), "FLYWAY_PASSWORD is not set"),
                Arguments.of(with("MIGRATOR_PASSWORD_FILE", "/run/secrets/pw"), "MIGRATOR_PASSWORD_FILE and FLYWAY_PASSWORD are both set"),
                Arguments.of(with("FLYWAY_PASSWORD", null, "MIGRATOR_PASSWORD_FILE", "/nonexistent/pw"),
                        "MIGRATOR_PASSWORD_FILE names /nonexistent/pw, which cannot be read"),
                Arguments.of(with("MIGRATOR_WAIT_TIMEOUT", "5m"), "MIGRATOR_WAIT_TIMEOUT must be a whole number of seconds"),
                Arguments.of(with("MIGRATOR_WAIT_TIMEOUT", "-1"), "MIGRATOR_WAIT_TIMEOUT must be a whole number of seconds"),
                Arguments.of(with("MIGRATOR_DEBUG", "yes"), "MIGRATOR_DEBUG must be true or false"),
                Arguments.of(with("FLYWAY_LOCATIONS", "db/migration"), "FLYWAY_LOCATIONS entry 'db/migration' must start with classpath: or filesystem:"),
                Arguments.of(with("FLYWAY_LOCATIONS", "filesystem:/nonexistent/sql"), "FLYWAY_LOCATIONS entry 'filesystem:/nonexistent/sql' is not a readable folder"),
                Arguments.of(with("FLYWAY_LOCATION", "classpath:db"), "FLYWAY_LOCATION is not a Flyway setting"));
    }

    @ParameterizedTest
    @MethodSource("badEnvironments")
    void badConfigurationNamesTheVariableAndExitsTwo(Map<String, String> env, String message) {
        assertThatThrownBy(() -> MigratorConfig.fromEnvironment(env))
                .isInstanceOfSatisfying(MigratorException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_CONFIGURATION);
                    assertThat(e.getMessage()).startsWith(message).doesNotContain("hunter2").doesNotContain("\n");
                });
    }

    @Test
    void defaults() throws Exception {
        MigratorConfig config = MigratorConfig.fromEnvironment(valid());

        assertThat(config.address()).hasToString("orders-db:5432/orders");
        assertThat(config.locations()).containsExactly("classpath:db/migration");
        assertThat(config.schemas()).isEmpty();
        assertThat(config.waitTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.debug()).isFalse();
        assertThat(config.otherFlywaySettings()).isEmpty();
        assertThat(config.toString()).doesNotContain("hunter2");
    }

    @Test
    void readsListsTimeoutAndOtherFlywaySettings() throws Exception {
        Path sql = Files.createDirectories(tmp.resolve("sql"));
        MigratorConfig config = MigratorConfig.fromEnvironment(with(
                "FLYWAY_URL", "jdbc:postgresql://db-a:5433,db-b/orders?sslmode=require",
                "FLYWAY_SCHEMAS", "orders, audit",
                "FLYWAY_LOCATIONS", "classpath:db/migration,filesystem:" + sql,
                "MIGRATOR_WAIT_TIMEOUT", "45",
                "MIGRATOR_DEBUG", "TRUE",
                "FLYWAY_TABLE", "schema_history",
                "FLYWAY_BASELINE_ON_MIGRATE", "true",
                "FLYWAY_CONNECT_RETRIES", ""));

        assertThat(config.address()).hasToString("db-a:5433,db-b:5432/orders");
        assertThat(config.schemas()).containsExactly("orders", "audit");
        assertThat(config.locations()).containsExactly("classpath:db/migration", "filesystem:" + sql);
        assertThat(config.waitTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.debug()).isTrue();
        assertThat(config.otherFlywaySettings())
                .containsExactlyInAnyOrderEntriesOf(Map.of("flyway.table", "schema_history", "flyway.baselineOnMigrate", "true"));
    }

    @Test
    void passwordFileLosesExactlyOneTrailingNewline() throws Exception {
        for (String content : List.of("s3cret\n", "s3cret\r\n", "s3cret")) {
            Path file = Files.writeString(tmp.resolve("password"), content);
            MigratorConfig config = MigratorConfig.fromEnvironment(
                    with("FLYWAY_PASSWORD", null, "MIGRATOR_PASSWORD_FILE", file.toString()));
            assertThat(config.password()).as(content).isEqualTo("s3cret");
            assertThat(config.passwordVariable()).isEqualTo("MIGRATOR_PASSWORD_FILE");
        }
        Path spaces = Files.writeString(tmp.resolve("spaces"), " pass word \n\n");
        assertThat(MigratorConfig.fromEnvironment(with("FLYWAY_PASSWORD", null, "MIGRATOR_PASSWORD_FILE", spaces.toString()))
                .password()).isEqualTo(" pass word \n");
    }

    @Test
    void anEmptyPasswordFileIsRejected() throws Exception {
        Path file = Files.writeString(tmp.resolve("empty"), "\n");
        assertThatThrownBy(() -> MigratorConfig.fromEnvironment(with("FLYWAY_PASSWORD", null, "MIGRATOR_PASSWORD_FILE", file.toString())))
                .hasMessage("MIGRATOR_PASSWORD_FILE names " + file + ", which is empty");
    }

    @Test
    void redactHidesThePassword() throws Exception {
        MigratorConfig config = MigratorConfig.fromEnvironment(valid());
        assertThat(config.redact("login with hunter2-secret failed")).isEqualTo("login with **** failed");
    }
}
