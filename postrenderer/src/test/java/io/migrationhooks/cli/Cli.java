package io.migrationhooks.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process with the given stdin, capturing stdout and stderr. */
record Cli(int exitCode, String out, String err) {
  static Cli run(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static Cli run(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = MigrationHooksCommand.commandLine(new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err))
        .execute(args);
    return new Cli(exitCode, out.toString(), err.toString());
  }

  String[] errLines() {
    return err.isEmpty() ? new String[0] : err.split("\n");
  }
}
