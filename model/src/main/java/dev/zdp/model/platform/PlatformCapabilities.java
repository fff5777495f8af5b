package dev.zdp.model.platform;

import dev.zdp.model.Milestoning;
import dev.zdp.model.Platform;
import dev.zdp.model.Requirements;
import java.util.EnumSet;
import java.util.Set;

/** What a platform can do for a dataset group that states requirements instead of a platform. */
public final class PlatformCapabilities {

  private PlatformCapabilities() {}

  /** The milestoning styles a platform keeps; empty for a type zdp cannot render. */
  public static Set<Milestoning> milestonings(Platform platform) {
    if (Platform.ZERO.equals(platform.type())) {
      return EnumSet.of(Milestoning.LIVE, Milestoning.FORENSIC);
    }
    return EnumSet.noneOf(Milestoning.class);
  }

  public static boolean satisfies(Platform platform, Requirements requirements) {
    return milestonings(platform).contains(requirements.milestoning());
  }
}
