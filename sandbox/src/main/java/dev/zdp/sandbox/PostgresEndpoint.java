package dev.zdp.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How to reach the sandbox's PostgreSQL server (logical decoding on, so Debezium can capture).
 *
 * @param host the loopback address
 * @param port the port picked at start
 * @param user a superuser (it may create replication slots and publications)
 * @param password the user's password
 */
public record PostgresEndpoint(String host, int port, String user, String password) {
  public PostgresEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * A {@code psql} command line for one database on this server, to paste into a shell as it is: a
   * connection URI with the user and password (the sandbox's own, for its throwaway server),
   * percent-encoded and single-quoted.
   */
  public String psqlCommand(String database) {
    return "psql 'postgresql://"
        + encode(user)
        + ":"
        + encode(password)
        + "@"
        + host
        + ":"
        + port
        + "/"
        + encode(database)
        + "'";
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The JDBC URL of one database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }
}
