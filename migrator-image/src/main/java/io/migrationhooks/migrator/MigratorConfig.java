package io.migrationhooks.migrator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.internal.configuration.ConfigUtils;

/**
 * Everything the migrator reads from its environment, validated up front so a bad Job spec fails
 * at once with exit 2 and one line naming the variable. Parsed from a map so tests inject it.
 */
public record MigratorConfig(
        String url,
        DatabaseAddress address,
        String user,
        String password,
        String passwordVariable,
        List<String> schemas,
        List<String> locations,
        Duration waitTimeout,
        boolean debug,
        Map<String, String> otherFlywaySettings,
        LockSafety lockSafety) {

    public static final String DEFAULT_LOCATION = "classpath:db/migration";
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(300);

    /** Variables this class interprets itself; every other FLYWAY_* goes to Flyway unchanged. */
    private static final Set<String> OWN_FLYWAY_VARIABLES =
            Set.of("FLYWAY_URL", "FLYWAY_USER", "FLYWAY_PASSWORD", "FLYWAY_SCHEMAS", "FLYWAY_LOCATIONS");

    public static MigratorConfig fromEnvironment(Map<String, String> env) throws MigratorException {
        String url = required(env, "FLYWAY_URL");
        DatabaseAddress address = DatabaseAddress.parse(url);
        String user = required(env, "FLYWAY_USER");

        String inlinePassword = optional(env, "FLYWAY_PASSWORD");
        String passwordFile = optional(env, "MIGRATOR_PASSWORD_FILE");
        if (inlinePassword != null && passwordFile != null) {
            throw MigratorException.badConfiguration("MIGRATOR_PASSWORD_FILE",
                    "and FLYWAY_PASSWORD are both set; set exactly one of them");
        }
        if (inlinePassword == null && passwordFile == null) {
            throw MigratorException.badConfiguration("FLYWAY_PASSWORD",
                    "is not set (set it, or MIGRATOR_PASSWORD_FILE to a mounted Secret file)");
        }
        String password = passwordFile != null ? readPasswordFile(passwordFile) : inlinePassword;
        String passwordVariable = passwordFile != null ? "MIGRATOR_PASSWORD_FILE" : "FLYWAY_PASSWORD";

        List<String> schemas = commaList(optional(env, "FLYWAY_SCHEMAS"));
        List<String> locations = commaList(orDefault(env, "FLYWAY_LOCATIONS", DEFAULT_LOCATION));
        for (String location : locations) {
            checkLocation(location);
        }

        return new MigratorConfig(url, address, user, password, passwordVariable, schemas, locations,
                waitTimeout(env), debug(env), otherFlywaySettings(env), LockSafety.fromEnvironment(env));
    }

    /** Replaces the password wherever it shows up, so no message can leak it by accident. */
    public String redact(String text) {
        if (text == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, "****");
    }

    @Override
    public String toString() {
        return "MigratorConfig[" + address + ", user=" + user + ", password=****]";
    }

    private static String required(Map<String, String> env, String name) throws MigratorException {
        String value = optional(env, name);
        if (value == null) {
            throw MigratorException.badConfiguration(name, "is not set");
        }
        return value;
    }

    /** Blank counts as unset: Helm templates often render an empty value instead of leaving it out. */
    private static String optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(Map<String, String> env, String name, String fallback) {
        String value = optional(env, name);
        return value == null ? fallback : value;
    }

    private static String readPasswordFile(String file) throws MigratorException {
        String content;
        try {
            content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw MigratorException.badConfiguration("MIGRATOR_PASSWORD_FILE",
                    "names " + file + ", which cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        // Secrets created with `echo` or `kubectl create secret --from-file` often end in a newline.
        String password = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        if (password.isEmpty()) {
            throw MigratorException.badConfiguration("MIGRATOR_PASSWORD_FILE", "names " + file + ", which is empty");
        }
        return password;
    }

    private static List<String> commaList(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Flyway only warns about a missing folder and then applies nothing; for a Job that is a silent no-op. */
    private static void checkLocation(String location) throws MigratorException {
        if (location.startsWith("classpath:")) {
            return;
        }
        if (!location.startsWith("filesystem:")) {
            throw MigratorException.badConfiguration("FLYWAY_LOCATIONS",
                    "entry '" + location + "' must start with classpath: or filesystem:");
        }
        Path folder = Path.of(location.substring("filesystem:".length()));
        if (!Files.isDirectory(folder)) {
            throw MigratorException.badConfiguration("FLYWAY_LOCATIONS",
                    "entry '" + location + "' is not a readable folder (is the ConfigMap mounted there?)");
        }
    }

    private static Duration waitTimeout(Map<String, String> env) throws MigratorException {
        String value = optional(env, "MIGRATOR_WAIT_TIMEOUT");
        if (value == null) {
            return DEFAULT_WAIT_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw MigratorException.badConfiguration("MIGRATOR_WAIT_TIMEOUT",
                "must be a whole number of seconds (0 or more), not '" + value + "'");
    }

    private static boolean debug(Map<String, String> env) throws MigratorException {
        String value = orDefault(env, "MIGRATOR_DEBUG", "false");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw MigratorException.badConfiguration("MIGRATOR_DEBUG", "must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** FLYWAY_TABLE, FLYWAY_BASELINE_ON_MIGRATE, ... mapped by Flyway's own env-to-property rules. */
    private static Map<String, String> otherFlywaySettings(Map<String, String> env) throws MigratorException {
        Map<String, String> settings = new TreeMap<>();
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith("FLYWAY_") || OWN_FLYWAY_VARIABLES.contains(name) || variable.getValue().isBlank()) {
                continue;
            }
            String property = ConfigUtils.convertKey(name);
            if (property == null) {
                throw MigratorException.badConfiguration(name, "is not a Flyway setting (misspelt?)");
            }
            settings.put(property, variable.getValue().trim());
        }
        return Map.copyOf(settings);
    }
}
