package io.migrationhooks.yaml;

/**
 * The input cannot be processed. The message is one line meant for the user; it names the
 * document or resource and never contains data copied from the input.
 */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }
}
