package dev.zdp.generator.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One attribute that differs, e.g. {@code config["slot.name"]}. Values of sensitive keys are
 * replaced by {@value #MASK}.
 */
public record KeyChange(String key, Optional<String> before, Optional<String> after)
    implements Comparable<KeyChange> {

  public static final String MASK = "(sensitive)";

  public KeyChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  @Override
  public int compareTo(KeyChange other) {
    return key.compareTo(other.key);
  }
}
