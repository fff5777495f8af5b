package dev.zdp.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The source location of every node the loader bound, by object path. A path with no entry of its
 * own resolves to its nearest recorded ancestor, so a finding always lands on a line.
 */
public final class SourceMap {

  private static final SourceMap EMPTY = new SourceMap(Map.of());

  private final Map<ObjectPath, SourceLocation> locations;

  public SourceMap(Map<ObjectPath, SourceLocation> locations) {
    // A HashMap copy rather than Map.copyOf: cheaper to build for the hundreds of thousands of
    // paths of a large model (it showed in profiles of the loader).
    this.locations = Collections.unmodifiableMap(new HashMap<>(locations));
  }

  public static SourceMap empty() {
    return EMPTY;
  }

  /** The location recorded for exactly this path. */
  public Optional<SourceLocation> exact(ObjectPath path) {
    return Optional.ofNullable(locations.get(path));
  }

  /** The location of this path, or of its nearest ancestor that has one. */
  public Optional<SourceLocation> find(ObjectPath path) {
    ObjectPath current = path;
    while (true) {
      SourceLocation found = locations.get(current);
      if (found != null) {
        return Optional.of(found);
      }
      ObjectPath up = current.parent();
      if (up.equals(current)) {
        return Optional.empty();
      }
      current = up;
    }
  }

  /** Every recorded location, in no particular order. */
  public Map<ObjectPath, SourceLocation> asMap() {
    return locations;
  }

  public int size() {
    return locations.size();
  }
}
