package dev.zdp.validator.rules.capture;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** What PostgreSQL (and Debezium, which matches tables by regular expression) accepts as names. */
final class PostgresNames {

  /** PostgreSQL keeps at most 63 bytes of a name (NAMEDATALEN - 1) and cuts the rest silently. */
  static final int MAX_BYTES = 63;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Pattern REPLICATION_NAME = Pattern.compile("[a-z0-9_]+");

  private PostgresNames() {}

  /** A schema or table name: a letter or {@code _}, then letters, digits and {@code _}. */
  static Optional<String> identifierProblem(String name) {
    return problem(
        name, IDENTIFIER, "is not a plain identifier (a letter or _, then letters, digits and _)");
  }

  /** A database name: like an identifier, and {@code -} is common enough to allow. */
  static Optional<String> databaseProblem(String name) {
    if (name.contains("/") || name.contains(":") || name.contains("@")) {
      return Optional.of("looks like a connection URL, not a database name");
    }
    return problem(
        name, DATABASE, "is not a database name (a letter or _, then letters, digits, _ and -)");
  }

  /** A replication slot or publication name: {@code [a-z0-9_]}, at most 63 bytes. */
  static Optional<String> replicationNameProblem(String name) {
    return problem(
        name, REPLICATION_NAME, "may only hold lower-case letters, digits and underscores");
  }

  private static Optional<String> problem(String name, Pattern shape, String unlike) {
    if (!shape.matcher(name).matches()) {
      return Optional.of(unlike);
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return Optional.of(
          "is " + bytes + " bytes long; PostgreSQL keeps only the first " + MAX_BYTES);
    }
    return Optional.empty();
  }
}
