package dev.zdp.sandbox.apply;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Kafka Connect connector as the Mongey {@code kafka-connect_connector} resource declares it: its
 * name and the config map it sends ({@code config} merged with {@code config_sensitive}).
 */
public record ConnectorSpec(String name, Map<String, String> config) {
  public ConnectorSpec {
    Objects.requireNonNull(name, "name");
    config = Collections.unmodifiableMap(new TreeMap<>(config));
  }

  /** The connector's class, or an empty text when the config names none. */
  public String connectorClass() {
    return config.getOrDefault("connector.class", "");
  }

  /** A copy with {@code changed} as its config. */
  ConnectorSpec withConfig(Map<String, String> changed) {
    return new ConnectorSpec(name, changed);
  }
}
