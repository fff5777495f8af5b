package dev.zdp.sandbox;

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

  /** The JDBC URL of one database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }
}
