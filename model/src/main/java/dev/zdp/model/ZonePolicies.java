package dev.zdp.model;

import java.util.Objects;

/** The policies a zone enforces on what its teams' workspaces consume. */
public record ZonePolicies(AllowDeny classifications, AllowDeny platforms) {

  public static final ZonePolicies NONE = new ZonePolicies(AllowDeny.ANYTHING, AllowDeny.ANYTHING);

  public ZonePolicies {
    Objects.requireNonNull(classifications, "classifications");
    Objects.requireNonNull(platforms, "platforms");
  }
}
