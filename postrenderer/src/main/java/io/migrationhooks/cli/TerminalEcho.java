package io.migrationhooks.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Helm 4.1 runs a post-renderer plugin with its stderr captured and thrown away, so a refusal reaches the
 * user only as {@code plugin "migration-hooks" exited with error}. When Helm runs us as a plugin and we fail,
 * what went to stderr is also written to the user's terminal, if there is one. stdout is never touched.
 */
final class TerminalEcho {
  static final String HELM_PLUGIN_NAME = "HELM_PLUGIN_NAME";
  static final Path CONTROLLING_TERMINAL = Path.of("/dev/tty");

  private final StringWriter captured = new StringWriter();

  /** A stderr writer that also keeps what it wrote, for {@link #afterExit}. */
  PrintWriter tee(Writer stderr) {
    return new PrintWriter(new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        stderr.write(buffer, offset, length);
        captured.write(buffer, offset, length);
      }

      @Override
      public void flush() throws IOException {
        stderr.flush();
      }

      @Override
      public void close() throws IOException {
        stderr.close();
      }
    }, true);
  }

  void afterExit(int exitCode, boolean runAsHelmPlugin, Path terminal) {
    if (exitCode == ExitCodes.OK || !runAsHelmPlugin || captured.getBuffer().length() == 0) {
      return;
    }
    try (OutputStream out = Files.newOutputStream(terminal, StandardOpenOption.WRITE)) {
      out.write(captured.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException | UnsupportedOperationException | SecurityException noTerminal) {
      // No controlling terminal (CI, a pipe): Helm still fails on our exit code.
    }
  }
}
