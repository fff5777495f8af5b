package dev.zdp.action.deploy;

import dev.zdp.model.platform.zero.ZeroNames;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server (the sandbox's embedded binaries) holding a captured datastore's
 * database as docs/generator.md tells a platform to prepare it: the signal table, its grants to the
 * connector's login, and the connector's publication. The superuser logs in without a password;
 * every other user with its password (SCRAM), so a wrong password is refused as in production.
 */
public final class RealPostgres implements AutoCloseable {

  /** The connector's login (what {@code TF_VAR_<credential>_user} holds). */
  public static final String CONNECTOR_USER = "crm_connector";

  /** Its password (what {@code TF_VAR_<credential>_password} holds): never printed by zdp. */
  public static final String CONNECTOR_PASSWORD = "Sig-n4l-s3cret";

  private final EmbeddedPostgres postgres;

  private RealPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts a server whose data lives under {@code directory}. */
  public static RealPostgres start(Path directory) {
    try {
      Path data = directory.resolve("data");
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(true)
              .setRegisterShutdownHook(false)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
              .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
              .start();
      Files.writeString(
          data.resolve("pg_hba.conf"),
          """
          local all postgres trust
          host all postgres 127.0.0.1/32 trust
          host all postgres ::1/128 trust
          host all all 127.0.0.1/32 scram-sha-256
          host all all ::1/128 scram-sha-256
          """);
      RealPostgres server = new RealPostgres(postgres);
      server.run("postgres", "SELECT pg_reload_conf()");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /**
   * Creates {@code database} as a captured datastore's: the connector's login, the signal table
   * with the grants docs/generator.md gives, the tables {@code ddl} creates, and {@code
   * publication} holding the signal table and {@code published}, as the connector makes it.
   */
  public void datastore(
      String database, String publication, List<String> ddl, List<String> published) {
    run(
        "postgres",
        "CREATE DATABASE " + database,
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
            + CONNECTOR_USER
            + "') THEN CREATE ROLE "
            + CONNECTOR_USER
            + " LOGIN PASSWORD '"
            + CONNECTOR_PASSWORD
            + "'; END IF; END $$");
    List<String> statements = new ArrayList<>(ddl);
    statements.add(ZeroNames.SIGNAL_TABLE_DDL);
    statements.add(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON "
            + ZeroNames.signalTable()
            + " TO "
            + CONNECTOR_USER);
    List<String> tables = new ArrayList<>(published);
    tables.add(ZeroNames.signalTable());
    statements.add("CREATE PUBLICATION " + publication + " FOR TABLE " + String.join(", ", tables));
    run(database, statements.toArray(String[]::new));
  }

  /**
   * Points the capture of datastore {@code crm} in a copy of examples/acme at this server: host
   * 127.0.0.1 and its port.
   */
  public void captureCrm(Path modelDirectory) {
    Path crm = modelDirectory.resolve("teams/customer_team/crm.yaml");
    try {
      String text = Files.readString(crm);
      String edited =
          text.replace("host: crm-db.acme.internal", "host: 127.0.0.1")
              .replace("port: 5432 ", "port: " + port() + " ");
      if (edited.equals(text) || !edited.contains("port: " + port())) {
        throw new IllegalStateException(crm + " no longer has the host and port to replace");
      }
      Files.writeString(crm, edited);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds {@code table} to {@code publication}, as a connector restarted with it does. */
  public void publish(String database, String publication, String table) {
    run(database, "ALTER PUBLICATION " + publication + " ADD TABLE " + table);
  }

  /** The rows of the signal table, {@code id|type|data}, by id. */
  public List<String> signals(String database) {
    List<String> rows = new ArrayList<>();
    try (Connection connection = superuser(database);
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT id, type, data FROM " + ZeroNames.signalTable() + " ORDER BY id")) {
      while (result.next()) {
        rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private void run(String database, String... statements) {
    try (Connection connection = superuser(database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection superuser(String database) throws SQLException {
    return postgres.getDatabase("postgres", database).getConnection();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
