package io.migrationhooks.migrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.Driver;

/** Where FLYWAY_URL points, for log lines: hosts, ports and database, never the query string. */
public record DatabaseAddress(String hostsAndPorts, String database) {

    /** Parses with the PostgreSQL driver's own parser so we accept exactly what it accepts. */
    static DatabaseAddress parse(String jdbcUrl) throws MigratorException {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw MigratorException.badConfiguration("FLYWAY_URL",
                    "must start with jdbc:postgresql:// (this image migrates PostgreSQL only)");
        }
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            throw MigratorException.badConfiguration("FLYWAY_URL",
                    "is not a valid PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database)");
        }
        if (parsed.containsKey("password")) {
            throw MigratorException.badConfiguration("FLYWAY_URL",
                    "must not carry the password; use FLYWAY_PASSWORD or MIGRATOR_PASSWORD_FILE");
        }
        String[] hosts = parsed.getProperty("PGHOST", "localhost").split(",");
        String[] ports = parsed.getProperty("PGPORT", "5432").split(",");
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            pairs.add(hosts[i] + ":" + ports[Math.min(i, ports.length - 1)]);
        }
        return new DatabaseAddress(String.join(",", pairs), parsed.getProperty("PGDBNAME", ""));
    }

    @Override
    public String toString() {
        return hostsAndPorts + "/" + database;
    }
}
