package dev.zdp.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The address of a node inside the model, independent of files: {@code
 * Datastore/crm/datasets[customers]/columns[id]/type}. Diagnostics carry it so a finding can be
 * understood without opening the file, and the loader records a {@link SourceLocation} for every
 * path it binds.
 *
 * <p>A value class rather than a record only so that it can keep its hash code and its text: the
 * loader puts a path for every node of a model into hash maps (hundreds of thousands at scale), and
 * sorting compares paths by their text.
 */
public final class ObjectPath implements Comparable<ObjectPath> {

  private final List<String> segments;
  private final int hash;
  private String text;

  public ObjectPath(List<String> segments) {
    this.segments = List.copyOf(segments);
    if (this.segments.isEmpty()) {
      throw new IllegalArgumentException("an object path has at least one segment");
    }
    this.hash = this.segments.hashCode();
  }

  /** The path's segments, e.g. {@code [Datastore, crm, datasets[customers]]}. */
  public List<String> segments() {
    return segments;
  }

  /** The top-level object of a document: {@code Datastore/crm}. */
  public static ObjectPath of(Kind kind, String name) {
    return new ObjectPath(List.of(kind.label(), Objects.requireNonNull(name, "name")));
  }

  /** A path for a document whose kind or name could not be read, such as {@code file.yaml#2}. */
  public static ObjectPath document(String file, int documentIndex) {
    return new ObjectPath(List.of(file + "#" + documentIndex));
  }

  /** A field of this object: {@code .../capture}. */
  public ObjectPath field(String name) {
    return append(name);
  }

  /** A named element of a list field: {@code .../datasets[customers]}. */
  public ObjectPath item(String listField, String key) {
    return append(listField + "[" + key + "]");
  }

  /** An element of a list field addressed by position, when it has no name yet. */
  public ObjectPath index(String listField, int index) {
    return append(listField + "[" + index + "]");
  }

  /** The path one segment up, or this path if it is a top-level object or a document. */
  public ObjectPath parent() {
    if (segments.size() <= 2) {
      return this;
    }
    return new ObjectPath(segments.subList(0, segments.size() - 1));
  }

  /** True if {@code other} is this path or lies below it. */
  public boolean contains(ObjectPath other) {
    return other.segments.size() >= segments.size()
        && other.segments.subList(0, segments.size()).equals(segments);
  }

  private ObjectPath append(String segment) {
    List<String> next = new ArrayList<>(segments.size() + 1);
    next.addAll(segments);
    next.add(segment);
    return new ObjectPath(next);
  }

  @Override
  public int compareTo(ObjectPath other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof ObjectPath path && path.hash == hash && path.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    String joined = text;
    if (joined == null) {
      joined = String.join("/", segments);
      text = joined;
    }
    return joined;
  }
}
