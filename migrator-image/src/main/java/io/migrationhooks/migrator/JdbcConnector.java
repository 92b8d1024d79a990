package io.migrationhooks.migrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/** The real {@link DatabaseWaiter.Connector}: one PostgreSQL login with bounded timeouts. */
final class JdbcConnector implements DatabaseWaiter.Connector {

    @Override
    public void tryConnect(MigratorConfig config, Duration timeout) throws SQLException {
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        properties.setProperty("password", config.password());
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("ApplicationName", "migrator");
        try (Connection connection = new Driver().connect(config.url(), properties)) {
            if (connection == null) {
                throw new SQLException("the PostgreSQL driver does not accept " + config.address());
            }
        }
    }
}
