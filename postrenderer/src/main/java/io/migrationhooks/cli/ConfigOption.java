package io.migrationhooks.cli;

import io.migrationhooks.config.ConfigReader;
import io.migrationhooks.render.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, read as render reads it: the selectors decide what is a migration Job or a database. */
final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings as for render: selectors, weights, rollout values.")
  Path config;

  Settings settings() {
    if (config == null) {
      return Settings.defaults();
    }
    try {
      return new ConfigReader().read(Files.readString(config, StandardCharsets.UTF_8), config.toString());
    } catch (IOException e) {
      throw new UsageException("cannot read --config " + config + ": " + e.getClass().getSimpleName());
    }
  }
}
