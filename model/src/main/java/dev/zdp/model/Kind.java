package dev.zdp.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of document a model is made of, in the order they are declared and reported. */
public enum Kind {
  ECOSYSTEM("Ecosystem"),
  ZONE("Zone"),
  TEAM("Team"),
  DATASTORE("Datastore"),
  WORKSPACE("Workspace");

  private final String label;

  Kind(String label) {
    this.label = label;
  }

  /** The spelling used in the {@code kind:} field of a document. */
  public String label() {
    return label;
  }

  public static Optional<Kind> fromLabel(String label) {
    return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(Kind::label).toList();
  }
}
