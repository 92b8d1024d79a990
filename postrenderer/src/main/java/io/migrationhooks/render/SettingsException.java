package io.migrationhooks.render;

/** A setting is unknown or has a bad value: a usage error (exit 2). */
public class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message);
  }
}
