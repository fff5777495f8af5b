package dev.zdp.validator.rules;

import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.PlatformCapabilities;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which platform serves a dataset group, decided as the generator's intention graph decides it: the
 * platform the group names, or else the first platform by name whose capabilities ({@link
 * PlatformCapabilities}) satisfy the group's requirements.
 */
public final class Platforms {

  private Platforms() {}

  /** The platforms of the model's Ecosystem, in the order written; empty without one. */
  public static List<Platform> of(Model model) {
    return model.ecosystem().map(Ecosystem::platforms).orElse(List.of());
  }

  /** The platform that serves {@code group}, if it names one that exists or one satisfies it. */
  public static Optional<Platform> assigned(Model model, DatasetGroup group) {
    List<Platform> platforms = of(model);
    if (group.platform().isPresent()) {
      String wanted = group.platform().get();
      return platforms.stream().filter(p -> p.name().equals(wanted)).findFirst();
    }
    return group
        .requirements()
        .flatMap(
            requirements ->
                platforms.stream()
                    .sorted(Comparator.comparing(Platform::name))
                    .filter(p -> PlatformCapabilities.satisfies(p, requirements))
                    .findFirst());
  }
}
