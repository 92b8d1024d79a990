package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What plan and check share with render: help, registration, file errors. */
class AnalysisHelpTest {
  @ParameterizedTest
  @ValueSource(strings = {"plan", "check"})
  void helpDescribesTheCommandAndItsExitCodes(String command) {
    Cli cli = Cli.run("", command, "--help");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).startsWith("Usage: migration-hooks " + command).contains("--output", "-f, --file", "--config",
        "Exit codes:", "  2   usage error");
    assertThat(Cli.run("", "--help").out()).contains("  " + command + " ");
  }

  @org.junit.jupiter.api.Test
  void checkHelpPointsToTheMigrationLint() {
    assertThat(Cli.run("", "check", "--help").out())
        .contains("SQL migrations are checked by `migrator lint` (docs/lint.md),\n"
            + "in CI by ci/lint-migrations.sh on each change to them.\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan", "check"})
  void aDirectoryIsNoFile(String command) throws IOException {
    Path directory = Files.createTempDirectory("stream");
    Cli cli = Cli.run("", command, "-f", directory.toString());

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).containsExactly("migration-hooks: -f: no such file: " + directory,
        "Try 'migration-hooks " + command + " --help'.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan", "check"})
  void aBadConfigIsAUsageErrorNamingTheKey(String command) throws IOException {
    Path config = Files.createTempFile("config", ".yaml");
    Files.writeString(config, "selectors: {migraton: {a: b}}\n");
    Cli cli = Cli.run("", command, "--config", config.toString());

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).contains("migraton");
  }
}
