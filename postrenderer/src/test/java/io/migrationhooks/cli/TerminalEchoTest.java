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

  @ParameterizedTest(name = "exit {0}, run as Helm plugin {1} -> terminal gets stderr: {2}")
  @CsvSource({
      "1, true,  true",
      "2, true,  true",
      "3, true,  true",
      "0, true,  true",
      "1, false, false",
  })
  void echoesStderrToTheTerminalOnlyWhenHelmRunsUsAsAPlugin(int exitCode, boolean asPlugin, boolean echoed)
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
  void withoutATerminalHelmsStderrAndTheNotesFileGetItOnce() throws IOException {
    Path helmStderr = Files.writeString(folder.resolve("helm.stderr"), "");
    Path notes = folder.resolve("notes.txt");
    TerminalEcho echo = new TerminalEcho();
    echo.tee(new StringWriter()).print(REFUSAL);

    echo.afterExit(0, new TerminalEcho.Routes(true, notes, null, folder.resolve("no-such-dir/tty"), helmStderr, null));

    assertThat(Files.readString(helmStderr)).isEqualTo(REFUSAL);
    assertThat(Files.readString(notes)).isEqualTo(REFUSAL);
  }

  @Test
  void onFailureAFileHelmWritesWithoutAppendGetsRoomForHelmsOwnLine() throws IOException {
    Path helmStderr = Files.writeString(folder.resolve("helm.stderr"), "");
    TerminalEcho echo = new TerminalEcho();
    echo.tee(new StringWriter()).print(REFUSAL);

    echo.afterExit(1, new TerminalEcho.Routes(true, null, null, folder.resolve("no-such-dir/tty"), helmStderr, null));

    assertThat(Files.readString(helmStderr)).hasSize(TerminalEcho.RESERVE_FOR_HELMS_ERROR + REFUSAL.length())
        .endsWith("\n" + REFUSAL).startsWith("    ");
  }

  @Test
  void aDestinationThatIsOurOwnStderrIsNotWrittenTwice() throws IOException {
    Path stderr = Files.writeString(folder.resolve("stderr"), "");
    TerminalEcho echo = new TerminalEcho();
    echo.tee(new StringWriter()).print(REFUSAL);

    echo.afterExit(1, new TerminalEcho.Routes(true, stderr, stderr, folder.resolve("no-such-dir/tty"), stderr, null));

    assertThat(Files.readString(stderr)).isEmpty();
  }

  @Test
  void notAsAPluginOnlyTheNotesFileGetsIt() throws IOException {
    Path helmStderr = Files.writeString(folder.resolve("parent.stderr"), "");
    Path notes = folder.resolve("notes.txt");
    TerminalEcho echo = new TerminalEcho();
    echo.tee(new StringWriter()).print(REFUSAL);

    echo.afterExit(1, new TerminalEcho.Routes(false, notes, null, folder.resolve("no-such-dir/tty"), helmStderr, null));

    assertThat(Files.readString(notes)).isEqualTo(REFUSAL);
    assertThat(Files.readString(helmStderr)).isEmpty();
  }

  @Test
  void noTerminalIsNotAnError() {
    TerminalEcho echo = new TerminalEcho();
    echo.tee(new StringWriter()).print(REFUSAL);

    assertThatCode(() -> echo.afterExit(1, true, folder.resolve("no-such-dir/tty"))).doesNotThrowAnyException();
  }
}
