package dev.zdp.generator.zero;

import dev.zdp.generator.PendingArtifact;
import dev.zdp.generator.PlatformRenderer;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroLayout;
import dev.zdp.model.platform.zero.ZeroNames;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/** Zero, as the generator sees it: {@link ZeroRenderer}'s templates, modules and artifacts. */
public final class ZeroPlatform implements PlatformRenderer {

  @Override
  public String type() {
    return Platform.ZERO;
  }

  @Override
  public List<String> templates() {
    return ZeroRenderer.TEMPLATES;
  }

  @Override
  public List<String> renderingCode() {
    return List.of(
        ZeroRenderer.class.getName(),
        StagingTables.class.getName(),
        ZeroNames.class.getName(),
        ZeroLayout.class.getName());
  }

  @Override
  public List<RootModule> modules(PlatformIntentions platform, Optional<Integer> shardSize) {
    return ZeroRenderer.modules(platform, shardSize).stream()
        .map(m -> new RootModule(m.dir(), m.datastores()))
        .toList();
  }

  @Override
  public List<PendingArtifact> artifacts(
      PlatformIntentions platform,
      Optional<Integer> shardSize,
      BiPredicate<String, IngestedDatastore> rendered) {
    return ZeroRenderer.artifacts(platform, shardSize, rendered);
  }
}
