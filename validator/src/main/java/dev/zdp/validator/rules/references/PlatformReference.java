package dev.zdp.validator.rules.references;

import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.Workspace;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.Describe;
import java.util.List;

/**
 * A dataset group's {@code platform} names a platform of the Ecosystem. Without an Ecosystem there
 * is nothing to check against; {@code single-ecosystem} reports that.
 */
@RuleInfo(
    id = "platform-reference",
    severity = Severity.ERROR,
    summary = "A dataset group's platform is one the Ecosystem defines")
public final class PlatformReference implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    if (model.ecosystem().isEmpty()) {
      return;
    }
    Ecosystem ecosystem = model.ecosystem().get();
    List<String> platforms = ecosystem.platforms().stream().map(Platform::name).toList();
    for (Workspace workspace : model.workspaces()) {
      for (DatasetGroup group : workspace.datasetGroups()) {
        String platform = group.platform().orElse(null);
        if (platform == null
            || platforms.contains(platform)
            || model.isDefined(
                ObjectPath.of(Kind.ECOSYSTEM, ecosystem.name()).item("platforms", platform))) {
          continue;
        }
        ObjectPath path =
            ObjectPath.of(Kind.WORKSPACE, workspace.name()).item("datasetGroups", group.name());
        String otherwise =
            platforms.isEmpty()
                ? "Ecosystem '"
                    + ecosystem.name()
                    + "' defines no platforms; add one under its"
                    + " spec.platforms"
                : "name one of "
                    + String.join(", ", platforms.stream().map(p -> "'" + p + "'").toList())
                    + ", or write requirements instead of a platform";
        findings.report(
            path.field("platform"),
            "Dataset group '"
                + group.name()
                + "' of Workspace '"
                + workspace.name()
                + "' runs on platform '"
                + platform
                + "', but Ecosystem '"
                + ecosystem.name()
                + "' defines no platform '"
                + platform
                + "'",
            Describe.didYouMean(platform, platforms, otherwise));
      }
    }
  }
}
