package io.migrationhooks.migrator.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The lint the migration Job runs before migrating: the pending migrations (per Flyway's schema
 * history) are checked, the applied ones read for context. MIGRATOR_LINT=error (default) refuses
 * to migrate on a finding that is not allowed, warn prints and migrates, off skips it.
 */
public final class PreFlight {
    public enum Mode { ERROR, WARN, OFF }

    private PreFlight() {
    }

    /** The mode named by MIGRATOR_LINT (blank means error), or null when it names none. */
    public static Mode mode(String value) {
        if (value == null || value.isBlank()) {
            return Mode.ERROR;
        }
        try {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Lints and reports; true when migrating may go on. */
    public static boolean check(Mode mode, MigrationInfo[] applied, MigrationInfo[] pending, List<String> locations,
            ClassLoader classLoader, PrintStream out) {
        if (mode == Mode.OFF || pending.length == 0) {
            return true;
        }
        List<String> unreadable = new ArrayList<>();
        List<Linter.Script> pendingScripts = scripts(pending, locations, classLoader, unreadable);
        List<Finding> findings = new ArrayList<>();
        for (String script : unreadable) {
            findings.add(new Finding(script, 1, "unreadable-script", Category.NOT_UNDERSTOOD, "",
                    "Flyway will apply this migration but the pre-flight cannot read it from " + locations,
                    "ship it as a .sql file under a classpath: or filesystem: location, or set MIGRATOR_LINT=warn",
                    null));
        }
        findings.addAll(new Linter(Rules.ALL).lint(scripts(applied, locations, classLoader, new ArrayList<>()),
                pendingScripts));
        findings.forEach(finding -> out.println("migrator: lint: " + finding.describe()));
        boolean refused = findings.stream().anyMatch(finding -> !finding.allowed());
        if (refused && mode == Mode.ERROR) {
            out.println("migrator: lint: refusing to migrate, nothing was changed; fix the migrations, allow the"
                    + " findings with `-- migration-hooks: allow <rule> <reason>`, or set MIGRATOR_LINT=warn");
            return false;
        }
        if (refused) {
            out.println("migrator: lint: MIGRATOR_LINT=warn, migrating despite the findings above");
        }
        return true;
    }

    /** The SQL scripts of the migrations; those that cannot be found are added to {@code unreadable}. */
    private static List<Linter.Script> scripts(MigrationInfo[] migrations, List<String> locations,
            ClassLoader classLoader, List<String> unreadable) {
        List<Linter.Script> scripts = new ArrayList<>();
        for (MigrationInfo migration : migrations) {
            String script = migration.getScript();
            if (script == null || !script.endsWith(".sql")) {
                continue; // Java migrations: nothing to read
            }
            String text = read(migration.getPhysicalLocation(), script, locations, classLoader);
            if (text != null) {
                scripts.add(new Linter.Script(script, text));
            } else {
                unreadable.add(script);
            }
        }
        return scripts;
    }

    private static Path pathOrNull(String location) {
        try {
            return location == null || location.isEmpty() ? null : Path.of(location);
        } catch (java.nio.file.InvalidPathException e) {
            return null; // e.g. a location inside a jar: found below through the class loader
        }
    }

    private static String read(String physicalLocation, String script, List<String> locations,
            ClassLoader classLoader) {
        try {
            Path physical = pathOrNull(physicalLocation);
            if (physical != null && Files.isRegularFile(physical)) {
                return Files.readString(physical, StandardCharsets.UTF_8);
            }
            for (String location : locations) {
                if (location.startsWith("filesystem:")) {
                    Path file = Path.of(location.substring("filesystem:".length()), script);
                    if (Files.isRegularFile(file)) {
                        return Files.readString(file, StandardCharsets.UTF_8);
                    }
                } else {
                    String folder = location.substring(location.indexOf(':') + 1).replaceAll("^/|/$", "");
                    try (InputStream in = classLoader.getResourceAsStream(folder + "/" + script)) {
                        if (in != null) {
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("migration " + script + " cannot be read", e);
        }
        return null;
    }
}
