package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

class ErrorHandlersTest {
  @Command(name = "tool")
  static final class Failing implements Callable<Integer> {
    @Option(names = "--stacktrace", scope = ScopeType.INHERIT)
    boolean stacktrace;

    @Override
    public Integer call() {
      throw new IllegalStateException("broken invariant");
    }
  }

  @Test
  void anUnexpectedExceptionIsAnInternalErrorInOneLine() {
    StringWriter err = new StringWriter();

    int exitCode = run(err);

    assertThat(exitCode).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err.toString()).isEqualTo(
        "migration-hooks: internal error: IllegalStateException: broken invariant (run with --stacktrace for details)\n");
  }

  @Test
  void theStackTraceOnlyWithTheFlag() {
    StringWriter err = new StringWriter();

    int exitCode = run(err, "--stacktrace");

    assertThat(exitCode).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err.toString()).contains("at io.migrationhooks.cli.ErrorHandlersTest$Failing.call")
        .endsWith("migration-hooks: internal error: IllegalStateException: broken invariant\n");
  }

  private static int run(StringWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Failing());
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter()));
    commandLine.setExecutionExceptionHandler(new ErrorHandlers());
    commandLine.setParameterExceptionHandler(new ErrorHandlers());
    return commandLine.execute(args);
  }
}
