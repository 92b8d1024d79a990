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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Helm 4.1 and 4.2 run a post-renderer plugin with its stderr captured and thrown away, so a refusal
 * reaches the user only as {@code plugin "migration-hooks" exited with error}. What went to stderr
 * (notes and errors) is also written, after the run, to: the file {@code MIGRATION_HOOKS_NOTES} names;
 * and, when Helm runs us as a plugin, the user's terminal if there is one, else Helm's own stderr
 * (on Linux {@code /proc/PARENT/fd/2}: the launcher execs java, so our parent is Helm). Each
 * destination that is the same file as one written already is skipped. stdout is never touched.
 */
final class TerminalEcho {
  static final String HELM_PLUGIN_NAME = "HELM_PLUGIN_NAME";
  static final String NOTES_FILE = "MIGRATION_HOOKS_NOTES";
  static final Path CONTROLLING_TERMINAL = Path.of("/dev/tty");
  /**
   * Helm writes its own error after we exit at its file offset, which our appended text does not
   * move; a file opened without O_APPEND (2>file) would get our first bytes overwritten. On failure
   * we write this many spaces first, for Helm's line to land on.
   */
  static final int RESERVE_FOR_HELMS_ERROR = 512;
  private static final int O_APPEND = 02000;
  private static final long WRITE_TIMEOUT_MILLIS = 2000;

  private final StringWriter captured = new StringWriter();

  /** Where the run's stderr text also goes; paths are parameters so tests can use files. */
  record Routes(boolean runAsHelmPlugin, Path notesFile, Path ownStderr, Path terminal, Path helmStderr,
      Path helmStderrInfo) {
    static Routes ofThisProcess(Map<String, String> environment) {
      String notes = environment.get(NOTES_FILE);
      long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
      return new Routes(environment.get(HELM_PLUGIN_NAME) != null,
          notes == null || notes.isEmpty() ? null : Path.of(notes), Path.of("/proc/self/fd/2"), CONTROLLING_TERMINAL,
          parent > 0 ? Path.of("/proc/" + parent + "/fd/2") : null,
          parent > 0 ? Path.of("/proc/" + parent + "/fdinfo/2") : null);
    }
  }

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

  /** The terminal alone, as before MIGRATION_HOOKS_NOTES and Helm's stderr (kept for its callers' tests). */
  void afterExit(int exitCode, boolean runAsHelmPlugin, Path terminal) {
    afterExit(exitCode, new Routes(runAsHelmPlugin, null, null, terminal, null, null));
  }

  void afterExit(int exitCode, Routes routes) {
    String text = captured.toString();
    if (text.isEmpty()) {
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Object> written = new ArrayList<>();
    Object ownStderr = identity(routes.ownStderr());
    if (ownStderr != null) {
      written.add(ownStderr);
    }
    Object notesId = identity(routes.notesFile());
    if (routes.notesFile() != null && (notesId == null || !written.contains(notesId))
        && append(routes.notesFile(), bytes, true)) {
      Object created = identity(routes.notesFile());
      if (created != null) {
        written.add(created);
      }
    }
    if (!routes.runAsHelmPlugin()) {
      return;
    }
    boolean terminalWritten = append(routes.terminal(), bytes, false);
    Path helm = routes.helmStderr();
    if (helm == null) {
      return;
    }
    Object id = identity(helm);
    String type = fileType(helm);
    boolean reachable = type.equals("fifo") || type.equals("file") || type.equals("char") && !terminalWritten;
    if (!reachable || id == null || written.contains(id) || isDevNull(helm)) {
      return;
    }
    byte[] out = bytes;
    if (type.equals("file") && exitCode != ExitCodes.OK && !opensForAppend(routes.helmStderrInfo())) {
      out = (" ".repeat(RESERVE_FOR_HELMS_ERROR - 1) + "\n" + text).getBytes(StandardCharsets.UTF_8);
    }
    byte[] toWrite = out;
    // A pipe whose reader is gone would block the open for ever: give up after a while.
    Thread writer = new Thread(() -> append(helm, toWrite, false), "helm-stderr");
    writer.setDaemon(true);
    writer.start();
    try {
      writer.join(WRITE_TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean append(Path path, byte[] bytes, boolean create) {
    if (path == null) {
      return false;
    }
    try (OutputStream out = create
        ? Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
        : Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      out.write(bytes);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException unreachable) {
      // No controlling terminal (CI, a pipe), a socket, a closed reader: the other routes remain.
      return false;
    }
  }

  /** The (device, inode) of what the path resolves to, or null. */
  private static Object identity(Path path) {
    if (path == null) {
      return null;
    }
    try {
      Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino");
      return List.of(Objects.toString(attributes.get("dev")), Objects.toString(attributes.get("ino")));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }

  private static String fileType(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "fifo";
        case 0100000 -> "file";
        case 0020000 -> "char";
        default -> "other";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return "none";
    }
  }

  private static boolean isDevNull(Path path) {
    Object devNull = identity(Path.of("/dev/null"));
    return devNull != null && devNull.equals(identity(path));
  }

  private static boolean opensForAppend(Path fdInfo) {
    if (fdInfo == null) {
      return false;
    }
    try {
      for (String line : Files.readAllLines(fdInfo)) {
        if (line.startsWith("flags:")) {
          return (Integer.parseInt(line.substring(6).strip(), 8) & O_APPEND) != 0;
        }
      }
    } catch (IOException | NumberFormatException | SecurityException e) {
      return false;
    }
    return false;
  }
}
