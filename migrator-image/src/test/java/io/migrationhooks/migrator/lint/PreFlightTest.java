package io.migrationhooks.migrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which scripts the pre-flight reads, on migrations as Flyway lists them (no database needed). */
class PreFlightTest {
    @TempDir
    Path sql;

    private static MigrationInfo migration(String script, String physicalLocation) {
        return (MigrationInfo) Proxy.newProxyInstance(PreFlightTest.class.getClassLoader(),
                new Class<?>[] {MigrationInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getScript" -> script;
                    case "getPhysicalLocation" -> physicalLocation;
                    default -> null;
                });
    }

    private String check(PreFlight.Mode mode, boolean expected, MigrationInfo... pending) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean goOn = PreFlight.check(mode, new MigrationInfo[0], pending, List.of("filesystem:" + sql),
                getClass().getClassLoader(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(goOn).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPendingScriptThePreFlightCannotReadIsRefusedNotPassed() {
        String out = check(PreFlight.Mode.ERROR, false, migration("V9__elsewhere.sql", "s3://bucket/V9__elsewhere.sql"));
        assertThat(out).contains("migrator: lint: V9__elsewhere.sql:1: unreadable-script (not understood): Flyway will"
                + " apply this migration but the pre-flight cannot read it").contains("refusing to migrate");
    }

    @Test
    void theScriptIsReadFromItsPhysicalLocationOrTheLocations() throws Exception {
        Path elsewhere = Files.createDirectories(sql.resolve("sub"));
        Files.writeString(elsewhere.resolve("V2__drop.sql"), "ALTER TABLE t DROP COLUMN c;\n");
        Files.writeString(sql.resolve("V3__index.sql"), "CREATE INDEX i ON t (c);\n");

        String out = check(PreFlight.Mode.WARN, true, migration("V2__drop.sql", elsewhere.resolve("V2__drop.sql").toString()),
                migration("V3__index.sql", null));

        assertThat(out).contains("V2__drop.sql:1: drop-column").contains("V3__index.sql:1: create-index-not-concurrently")
                .contains("MIGRATOR_LINT=warn, migrating despite");
    }
}
