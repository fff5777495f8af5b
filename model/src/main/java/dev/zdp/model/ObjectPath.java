package dev.zdp.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The address of a node inside the model, independent of files: {@code
 * Datastore/crm/datasets[customers]/columns[id]/type}. Diagnostics carry it so a finding can be
 * understood without opening the file, and the loader records a {@link SourceLocation} for every
 * path it binds.
 *
 * <p>A value class rather than a record because of its size: the loader makes a path for every node
 * of a model (millions at ten thousand datastores), so a path is its last segment and a link to its
 * parent, sharing the parent's segments instead of copying them, and it keeps its hash code. Paths
 * are equal when their segments are; they sort by their text.
 */
public final class ObjectPath implements Comparable<ObjectPath> {

  private final ObjectPath parent;

  /** The whole segment, or the list field's name of an element ({@code columns}). */
  private final String segment;

  /**
   * The element's name ({@code id} of {@code columns[id]}), null for a plain segment: a large model
   * has a million element paths, and their names are the strings the model holds anyway.
   */
  private final String key;

  private final int depth;
  private final int hash;

  public ObjectPath(List<String> segments) {
    this(parentOf(segments), segments.get(segments.size() - 1), null);
  }

  private ObjectPath(ObjectPath parent, String segment, String key) {
    this.parent = parent;
    this.segment = Objects.requireNonNull(segment, "segment");
    this.key = key;
    this.depth = parent == null ? 1 : parent.depth + 1;
    // the hash of the list of segments' texts, as List.hashCode would compute it
    this.hash = 31 * (parent == null ? 1 : parent.hash) + textHash(segment, key);
  }

  /** The hash code of the segment's text: {@code (segment + "[" + key + "]").hashCode()}. */
  private static int textHash(String segment, String key) {
    int h = segment.hashCode();
    if (key == null) {
      return h;
    }
    h = 31 * h + '[';
    for (int i = 0; i < key.length(); i++) {
      h = 31 * h + key.charAt(i);
    }
    return 31 * h + ']';
  }

  /**
   * The path {@code segment} (and {@code key}, for a named element) below {@code link}: the parts
   * of a path {@link #link}, {@link #segment} and {@link #key} give back, so a packed list can keep
   * a path as three references and share its parent.
   */
  static ObjectPath linked(ObjectPath link, String segment, String key) {
    return new ObjectPath(link, segment, key);
  }

  /** The parent link as stored, null for a one-segment path (unlike {@link #parent}). */
  ObjectPath link() {
    return parent;
  }

  /** The last segment's field name, without the element's name. */
  String segment() {
    return segment;
  }

  /** The element's name of the last segment, null for a plain segment. */
  String key() {
    return key;
  }

  /** The segment as written in the path's text. */
  private String text() {
    return key == null ? segment : segment + "[" + key + "]";
  }

  private static boolean sameSegment(ObjectPath a, ObjectPath b) {
    if (a.key == null && b.key == null) {
      return a.segment.equals(b.segment);
    }
    if (a.key != null && b.key != null) {
      return a.key.equals(b.key) && a.segment.equals(b.segment);
    }
    return a.text().equals(b.text());
  }

  private static ObjectPath parentOf(List<String> segments) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("an object path has at least one segment");
    }
    return segments.size() == 1 ? null : new ObjectPath(segments.subList(0, segments.size() - 1));
  }

  /** The top-level object of a document: {@code Datastore/crm}. */
  public static ObjectPath of(Kind kind, String name) {
    return new ObjectPath(
        new ObjectPath(null, kind.label(), null), Objects.requireNonNull(name, "name"), null);
  }

  /** A path for a document whose kind or name could not be read, such as {@code file.yaml#2}. */
  public static ObjectPath document(String file, int documentIndex) {
    return new ObjectPath(null, file + "#" + documentIndex, null);
  }

  /** The path's segments, e.g. {@code [Datastore, crm, datasets[customers]]}. */
  public List<String> segments() {
    return List.of(segmentArray());
  }

  /** How many segments the path has: 2 for a top-level object. */
  public int size() {
    return depth;
  }

  /** The last segment: {@code columns[id]} of {@code .../columns[id]}. */
  public String last() {
    return text();
  }

  /** A field of this object: {@code .../capture}. */
  public ObjectPath field(String name) {
    return new ObjectPath(this, name, null);
  }

  /** A named element of a list field: {@code .../datasets[customers]}. */
  public ObjectPath item(String listField, String key) {
    return new ObjectPath(this, listField, Objects.requireNonNull(key, "key"));
  }

  /** An element of a list field addressed by position, when it has no name yet. */
  public ObjectPath index(String listField, int index) {
    return new ObjectPath(this, listField, Integer.toString(index));
  }

  /** The path one segment up, or this path if it is a top-level object or a document. */
  public ObjectPath parent() {
    return depth <= 2 ? this : parent;
  }

  /** True if {@code other} is this path or lies below it. */
  public boolean contains(ObjectPath other) {
    if (other.depth < depth) {
      return false;
    }
    ObjectPath ancestor = other;
    while (ancestor.depth > depth) {
      ancestor = ancestor.parent;
    }
    return equals(ancestor);
  }

  @Override
  public boolean equals(Object other) {
    if (other == this) {
      return true;
    }
    if (!(other instanceof ObjectPath path)) {
      return false;
    }
    ObjectPath a = this;
    ObjectPath b = path;
    while (a != b) {
      if (a == null || b == null || a.hash != b.hash || a.depth != b.depth || !sameSegment(a, b)) {
        return false;
      }
      a = a.parent;
      b = b.parent;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Orders paths as their texts ({@link #toString()}) order, without building them. */
  @Override
  public int compareTo(ObjectPath other) {
    String[] mine = segmentArray();
    String[] theirs = other.segmentArray();
    int i = 0;
    int j = 0;
    int at = 0;
    int theirAt = 0;
    while (true) {
      int c = charAt(mine, i, at);
      int d = charAt(theirs, j, theirAt);
      if (c != d || c < 0) {
        return c - d;
      }
      if (at < mine[i].length()) {
        at++;
      } else {
        i++;
        at = 0;
      }
      if (theirAt < theirs[j].length()) {
        theirAt++;
      } else {
        j++;
        theirAt = 0;
      }
    }
  }

  /** The character at {@code at} of segment {@code i}: a '/' just past its end, -1 at the end. */
  private static int charAt(String[] segments, int i, int at) {
    if (at < segments[i].length()) {
      return segments[i].charAt(at);
    }
    return i == segments.length - 1 ? -1 : '/';
  }

  private String[] segmentArray() {
    String[] segments = new String[depth];
    ObjectPath path = this;
    for (int i = depth - 1; i >= 0; i--) {
      segments[i] = path.text();
      path = path.parent;
    }
    return segments;
  }

  @Override
  public String toString() {
    return String.join("/", Arrays.asList(segmentArray()));
  }
}
