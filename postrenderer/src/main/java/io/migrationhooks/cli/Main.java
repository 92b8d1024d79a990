package io.migrationhooks.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // The file descriptors wrapped once: output bytes are exactly the rendered UTF-8 text. Written
    // 64 KB at a time (the encoder alone writes 8 KB per system call, which is slow in a VM).
    PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024), StandardCharsets.UTF_8));
    TerminalEcho terminalEcho = new TerminalEcho();
    PrintWriter err = terminalEcho.tee(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
    int exitCode = HelmRender.handles(args)
        ? HelmRender.run(System.in, out, err)
        : MigrationHooksCommand.commandLine(System.in, out, err).execute(args);
    out.flush();
    err.flush();
    terminalEcho.afterExit(exitCode, TerminalEcho.Routes.ofThisProcess(System.getenv()));
    System.exit(exitCode);
  }
}
