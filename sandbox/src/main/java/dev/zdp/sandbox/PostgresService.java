package dev.zdp.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/** A real PostgreSQL server (zonky's embedded binaries) with {@code wal_level=logical}. */
final class PostgresService implements AutoCloseable {
  static final String USER = "postgres";
  static final String PASSWORD = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final EmbeddedPostgres postgres;
  private final PostgresEndpoint endpoint;

  private PostgresService(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.endpoint = new PostgresEndpoint("127.0.0.1", postgres.getPort(), USER, PASSWORD);
  }

  static PostgresService start(Path dataDirectory, Path logFile) {
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(true)
              .setPort(FreePorts.pick())
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(30))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("wal_level", "logical")
              .setServerConfig("max_wal_senders", "10")
              .setServerConfig("max_replication_slots", "10")
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      return new PostgresService(postgres);
    } catch (IOException e) {
      throw new SandboxException(
          "Cannot start PostgreSQL (see " + logFile + "): " + e.getMessage(), e);
    }
  }

  PostgresEndpoint endpoint() {
    return endpoint;
  }

  /** Creates a database unless it exists. */
  void createDatabase(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new SandboxException(
          "Cannot create database '" + name + "': use lower-case letters, digits and '_' (≤ 63)");
    }
    try (Connection connection =
            DriverManager.getConnection(endpoint.jdbcUrl("postgres"), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      try (var rows =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        if (rows.next()) {
          return;
        }
      }
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new SandboxException("Cannot create database '" + name + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
