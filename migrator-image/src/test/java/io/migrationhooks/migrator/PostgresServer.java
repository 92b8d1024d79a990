package io.migrationhooks.migrator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server for the tests (zonky embedded binaries, no Docker), set up like a
 * production one: the application role logs in over TCP with a SCRAM password; only the test's
 * own superuser connection is trusted.
 */
final class PostgresServer implements AutoCloseable {
    static final String APP_USER = "orders_app";
    static final String APP_PASSWORD = "Tr0ub4dor-and-3";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start() {
        return start(0);
    }

    /** Starts on the given port (0: any free one). Fails loudly when the binaries cannot run. */
    static PostgresServer start(int port) {
        try {
            Path dataDirectory = Files.createTempDirectory("migrator-pg");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true);
            if (port != 0) {
                builder.setPort(port);
            }
            PostgresServer server = new PostgresServer(builder.start());
            server.requirePasswordsForApplicationRole(dataDirectory);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** A fresh database owned by the application role, so tests never see each other's schemas. */
    String createDatabase(String name) throws SQLException {
        execute("postgres", "CREATE DATABASE " + name + " OWNER " + APP_USER);
        return name;
    }

    Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection connection = admin(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    List<String> queryColumn(String database, String sql) throws SQLException {
        try (Connection connection = admin(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private void requirePasswordsForApplicationRole(Path dataDirectory) throws IOException {
        try {
            execute("postgres", "CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256",
                    ""));
            execute("postgres", "SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the application role", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
