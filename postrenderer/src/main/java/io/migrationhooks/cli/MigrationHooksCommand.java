package io.migrationhooks.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
    name = "migration-hooks",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Helm post-renderer: runs schema migrations as a blocking hook, creates the database first, and rolls "
            + "Deployments out without losing ready pods.",
        "Exit codes: 0 success, 1 bad input, 2 usage error, 3 internal error, 4 check found hazards.",
        ""})
public final class MigrationHooksCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
  boolean stacktrace;

  /** The configured command line; subcommands are registered here. */
  public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new MigrationHooksCommand())
        .addSubcommand("render", new RenderCommand(stdin))
        .addSubcommand("plan", new PlanCommand(stdin))
        .addSubcommand("check", new CheckCommand(stdin));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(new ErrorHandlers());
    commandLine.setExecutionExceptionHandler(new ErrorHandlers());
    return commandLine;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("migration-hooks: missing command");
    err.println("Try 'migration-hooks --help'.");
    return ExitCodes.USAGE;
  }
}
