package io.migrationhooks.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/migration-hooks-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return new String[] {"migration-hooks " + properties.getProperty("version", "unknown")};
  }
}
