package dev.zdp.model;

import java.util.Objects;

/** What a dataset group needs from a platform when it does not name one. */
public record Requirements(Milestoning milestoning) {
  public Requirements {
    Objects.requireNonNull(milestoning, "milestoning");
  }
}
