package dev.zdp.sandbox.apply;

import dev.zdp.model.Column;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.sandbox.PostgresEndpoint;
import dev.zdp.sandbox.Sandbox;
import dev.zdp.sandbox.SandboxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The source tables of datastores, created in the sandbox's PostgreSQL from the model's schemas:
 * one database per datastore ({@code capture.database}), one table per dataset ({@code table}, by
 * default {@code public.<dataset>}), primary keys as declared.
 */
public final class SourceTables {
  private final Sandbox sandbox;

  public SourceTables(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /**
   * Creates the datastore's database, its signal table and the tables of {@code datasets} that do
   * not exist yet.
   *
   * @return the datasets whose tables were created now (existing tables are left as they are)
   */
  public List<Dataset> create(Datastore datastore, List<Dataset> datasets) {
    String database = datastore.capture().database();
    sandbox.createDatabase(database);
    List<Dataset> created = new ArrayList<>();
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(ZeroNames.SIGNAL_TABLE_DDL);
      for (Dataset dataset : datasets) {
        if (exists(connection, dataset)) {
          continue;
        }
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + ident(dataset.tableSchema()));
        statement.execute(createTable(dataset));
        created.add(dataset);
      }
    } catch (SQLException e) {
      throw new SandboxException(
          "Cannot create the tables of datastore '"
              + datastore.name()
              + "' in the sandbox's PostgreSQL: "
              + e.getMessage(),
          e);
    }
    return created;
  }

  /** Inserts {@code count} sample rows numbered from {@code first}, values fitting each type. */
  public void insertSamples(Datastore datastore, Dataset dataset, int first, int count) {
    run(datastore, sampleInserts(dataset, first, count));
  }

  /** Runs statements in the datastore's database, each committed on its own. */
  public void run(Datastore datastore, List<String> statements) {
    try (Connection connection = connect(datastore.capture().database());
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new SandboxException(
          "Cannot change the source rows of datastore '"
              + datastore.name()
              + "': "
              + e.getMessage(),
          e);
    }
  }

  /** A JDBC connection to the datastore's database (the caller closes it). */
  public Connection connect(Datastore datastore) throws SQLException {
    return connect(datastore.capture().database());
  }

  /** {@code CREATE TABLE} for the dataset, columns in model order. */
  static String createTable(Dataset dataset) {
    List<String> parts = new ArrayList<>();
    for (Column column : dataset.columns()) {
      parts.add(
          ident(column.name())
              + " "
              + postgresType(column.type())
              + (column.nullable() ? "" : " NOT NULL"));
    }
    if (!dataset.primaryKey().isEmpty()) {
      parts.add(
          "PRIMARY KEY ("
              + dataset.primaryKey().stream()
                  .map(column -> ident(column.name()))
                  .collect(Collectors.joining(", "))
              + ")");
    }
    return "CREATE TABLE " + table(dataset) + " (" + String.join(", ", parts) + ")";
  }

  /** The model's type as PostgreSQL spells it. */
  static String postgresType(ColumnType type) {
    return switch (type.base()) {
      case DOUBLE -> "double precision";
      case DECIMAL -> "numeric(" + type.size() + "," + type.scale() + ")";
      default -> type.toString();
    };
  }

  static List<String> sampleInserts(Dataset dataset, int first, int count) {
    List<String> inserts = new ArrayList<>();
    String columns =
        dataset.columns().stream().map(c -> ident(c.name())).collect(Collectors.joining(", "));
    for (int n = first; n < first + count; n++) {
      int row = n;
      String values =
          dataset.columns().stream()
              .map(column -> sample(column.type(), row))
              .collect(Collectors.joining(", "));
      inserts.add("INSERT INTO " + table(dataset) + " (" + columns + ") VALUES (" + values + ")");
    }
    return inserts;
  }

  /** A literal of the type for row {@code n}; distinct per row, so keys stay unique. */
  static String sample(ColumnType type, int n) {
    return switch (type.base()) {
      case BOOLEAN -> n % 2 == 0 ? "true" : "false";
      case SMALLINT, INTEGER, BIGINT -> String.valueOf(n);
      case REAL, DOUBLE -> n + ".5";
      case DECIMAL -> {
        int digits = type.size() - type.scale();
        String whole = digits >= String.valueOf(n).length() ? String.valueOf(n) : "0";
        yield "CAST('"
            + whole
            + (type.scale() > 0 ? ".25" : "")
            + "' AS "
            + postgresType(type)
            + ")";
      }
      case CHAR, VARCHAR -> literal(fit(String.valueOf(n), "sample " + n, type.size()));
      case TEXT -> literal("sample " + n);
      case DATE -> "DATE '2026-01-01' + " + n;
      case TIME -> "TIME '12:00:00' + INTERVAL '" + n + " seconds'";
      case TIMESTAMP -> "TIMESTAMP '2026-01-01 12:00:00' + INTERVAL '" + n + " minutes'";
      case TIMESTAMPTZ -> "TIMESTAMPTZ '2026-01-01 12:00:00+00' + INTERVAL '" + n + " minutes'";
      case BYTEA -> "decode('" + String.format("%02x", n % 256) + "', 'hex')";
      case UUID -> literal(String.format("00000000-0000-4000-8000-%012d", n));
      case JSON -> literal("{\"n\": " + n + "}");
    };
  }

  private static String fit(String shortText, String longText, int size) {
    if (longText.length() <= size) {
      return longText;
    }
    return shortText.length() <= size ? shortText : shortText.substring(shortText.length() - size);
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String table(Dataset dataset) {
    return ident(dataset.tableSchema()) + "." + ident(dataset.tableName());
  }

  private static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private boolean exists(Connection connection, Dataset dataset) throws SQLException {
    try (var query =
        connection.prepareStatement(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
      query.setString(1, dataset.tableSchema());
      query.setString(2, dataset.tableName());
      try (ResultSet found = query.executeQuery()) {
        return found.next();
      }
    }
  }

  private Connection connect(String database) throws SQLException {
    PostgresEndpoint postgres = sandbox.postgres();
    return DriverManager.getConnection(
        postgres.jdbcUrl(database), postgres.user(), postgres.password());
  }
}
