package dev.zdp.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The source location of every node the loader bound, by object path. A path with no entry of its
 * own resolves to its nearest recorded ancestor, so a finding always lands on a line.
 *
 * <p>A loaded model's map is {@linkplain #resolvedBy resolved on demand}: it finds a location when
 * asked rather than hold one for each of the millions of nodes of a large model.
 */
public final class SourceMap {

  /** Finds the location recorded for exactly one path. */
  @FunctionalInterface
  public interface Lookup {
    Optional<SourceLocation> exact(ObjectPath path);
  }

  private static final SourceMap EMPTY = new SourceMap(Map.of());

  private final Lookup lookup;

  /** A map of the given locations. */
  public SourceMap(Map<ObjectPath, SourceLocation> locations) {
    Map<ObjectPath, SourceLocation> copy = new HashMap<>(locations);
    this.lookup = path -> Optional.ofNullable(copy.get(path));
  }

  private SourceMap(Lookup lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  /** A map that asks {@code lookup} for each location when it is needed. */
  public static SourceMap resolvedBy(Lookup lookup) {
    return new SourceMap(lookup);
  }

  public static SourceMap empty() {
    return EMPTY;
  }

  /** The location recorded for exactly this path. */
  public Optional<SourceLocation> exact(ObjectPath path) {
    return lookup.exact(path);
  }

  /** The location of this path, or of its nearest ancestor that has one. */
  public Optional<SourceLocation> find(ObjectPath path) {
    ObjectPath current = path;
    while (true) {
      Optional<SourceLocation> found = lookup.exact(current);
      if (found.isPresent()) {
        return found;
      }
      ObjectPath up = current.parent();
      if (up.equals(current)) {
        return Optional.empty();
      }
      current = up;
    }
  }
}
