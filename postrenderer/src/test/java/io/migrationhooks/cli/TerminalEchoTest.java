package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalEchoTest {
  private static final String REFUSAL = "migration-hooks: document 2, line 7, column 3: mapping values are not allowed here\n";

  @TempDir
  Path folder;

  @ParameterizedTest(name = "exit {0}, run as Helm plugin {1} -> terminal gets the error: {2}")
  @CsvSource({
      "1, true,  true",
      "2, true,  true",
      "3, true,  true",
      "0, true,  false",
      "1, false, false",
  })
  void echoesStderrToTheTerminalOnlyWhenHelmRunsUsAsAPluginAndWeFail(int exitCode, boolean asPlugin, boolean echoed)
      throws IOException {
    Path terminal = Files.createFile(folder.resolve("tty"));
    StringWriter stderr = new StringWriter();
    TerminalEcho echo = new TerminalEcho();
    PrintWriter err = echo.tee(stderr);

    err.print(REFUSAL);
    err.flush();
    echo.afterExit(exitCode, asPlugin, terminal);

    assertThat(stderr).hasToString(REFUSAL);
    assertThat(Files.readString(terminal)).isEqualTo(echoed ? REFUSAL : "");
  }

  @Test
  void noTerminalIsNotAnError() {
    TerminalEcho echo = new TerminalEcho();
    echo.tee(new StringWriter()).print(REFUSAL);

    assertThatCode(() -> echo.afterExit(1, true, folder.resolve("no-such-dir/tty"))).doesNotThrowAnyException();
  }
}
