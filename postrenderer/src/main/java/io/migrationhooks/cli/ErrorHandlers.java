package io.migrationhooks.cli;

import io.migrationhooks.render.SettingsException;
import io.migrationhooks.yaml.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** One line per error on stderr; a stack trace only with --stacktrace. */
public final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {
  public static final String PREFIX = "migration-hooks: ";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    printUsageError(commandLine, ex.getMessage());
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult fullParseResult) {
    PrintWriter err = commandLine.getErr();
    if (wantsStackTrace(fullParseResult)) {
      ex.printStackTrace(err);
    }
    if (ex instanceof UsageException || ex instanceof SettingsException) {
      printUsageError(commandLine, ex.getMessage());
      return ExitCodes.USAGE;
    }
    if (ex instanceof BadInputException) {
      err.println(PREFIX + ex.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    err.println(PREFIX + "internal error: " + ex.getClass().getSimpleName()
        + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage()))
        + (wantsStackTrace(fullParseResult) ? "" : " (run with --stacktrace for details)"));
    return ExitCodes.INTERNAL;
  }

  private static void printUsageError(CommandLine commandLine, String message) {
    PrintWriter err = commandLine.getErr();
    err.println(PREFIX + firstLine(message));
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
  }

  private static boolean wantsStackTrace(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
