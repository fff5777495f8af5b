package dev.zdp.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How a datastore's changes are captured. {@code type} is kept as written: which types a platform
 * supports is the platform's rule to check, not the loader's.
 *
 * @param credential the name of a secret held by the CI or the platform, never the secret itself
 * @param slotName an explicit replication slot name; derived from names when empty
 * @param publicationName an explicit publication name; derived from names when empty
 */
public record Capture(
    String type,
    String host,
    int port,
    String database,
    String credential,
    Optional<String> slotName,
    Optional<String> publicationName) {

  public static final String POSTGRES_CDC = "postgres-cdc";
  public static final int POSTGRES_DEFAULT_PORT = 5432;

  public Capture {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(slotName, "slotName");
    Objects.requireNonNull(publicationName, "publicationName");
  }
}
