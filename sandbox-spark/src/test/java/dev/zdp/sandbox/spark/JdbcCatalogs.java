package dev.zdp.sandbox.spark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Iceberg JDBC catalogs for the Spark tests, held by an embedded PostgreSQL. */
final class JdbcCatalogs {
  private JdbcCatalogs() {}

  /**
   * A new catalog database in {@code postgres} and the catalog properties {@link MergeJobs#start}
   * takes: tables under {@code workDir/warehouse}.
   */
  static Map<String, String> in(EmbeddedPostgres postgres, Path workDir) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE iceberg_catalog");
    }
    Map<String, String> catalog = new TreeMap<>();
    catalog.put("catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog");
    catalog.put("uri", postgres.getJdbcUrl("postgres", "iceberg_catalog"));
    catalog.put("jdbc.user", "postgres");
    catalog.put("jdbc.password", "postgres");
    catalog.put("warehouse", workDir.resolve("warehouse").toAbsolutePath().toUri().toString());
    return catalog;
  }
}
