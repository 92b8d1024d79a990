package io.migrationhooks.config;

import tools.jackson.core.TokenStreamLocation;

/** A bad value found while reading, with where it starts. */
final class LocatedSettingsException extends RuntimeException {
  private final transient TokenStreamLocation location;

  private final boolean namesItsKey;

  LocatedSettingsException(TokenStreamLocation location, String message) {
    this(location, message, false);
  }

  /** @param namesItsKey whether the message already holds the whole key path */
  LocatedSettingsException(TokenStreamLocation location, String message, boolean namesItsKey) {
    super(message);
    this.location = location;
    this.namesItsKey = namesItsKey;
  }

  boolean namesItsKey() {
    return namesItsKey;
  }

  TokenStreamLocation location() {
    return location;
  }
}
