package io.migrationhooks.cli;

/** A problem with flags or files given on the command line: exit 2 with a hint. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
