package dev.zdp.validator.rules.platform;

import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.Requirements;
import dev.zdp.model.Workspace;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformCapabilities;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A dataset group says where it runs: a platform, or requirements some platform of the Ecosystem
 * satisfies. Whether a named platform exists is {@code platform-reference}'s to check; this rule
 * checks groups with neither, requirements nothing satisfies, and a named platform that does not
 * meet the requirements written next to it.
 */
@RuleInfo(
    id = "platform-requirements",
    severity = Severity.ERROR,
    summary = "A dataset group names a platform, or requirements some platform satisfies")
public final class PlatformRequirements implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    if (model.ecosystem().isEmpty()) {
      return; // single-ecosystem reports that; there are no platforms to check against
    }
    List<Platform> platforms = model.ecosystem().orElseThrow().platforms();
    IntentionGraph graph = IntentionGraph.of(model);
    for (Workspace workspace : model.workspaces()) {
      for (DatasetGroup group : workspace.datasetGroups()) {
        ObjectPath path =
            ObjectPath.of(Kind.WORKSPACE, workspace.name()).item("datasetGroups", group.name());
        String subject = "Dataset group '" + group.name() + "' of Workspace '" + workspace.name();
        if (group.platform().isEmpty() && group.requirements().isEmpty()) {
          findings.report(
              path,
              subject + "' names no platform and no requirements",
              platforms.isEmpty()
                  ? "define a platform in the Ecosystem's spec.platforms and name it here"
                  : "write platform: "
                      + platforms.get(0).name()
                      + ", or requirements: {milestoning: live}");
          continue;
        }
        if (group.requirements().isEmpty()) {
          continue;
        }
        Requirements requirements = group.requirements().get();
        String milestoning = requirements.milestoning().yaml();
        if (group.platform().isPresent()) {
          Optional<Platform> named = graph.assignedPlatform(group);
          if (named.isPresent() && !PlatformCapabilities.satisfies(named.get(), requirements)) {
            findings.report(
                path.field("requirements"),
                subject
                    + "' runs on platform '"
                    + named.get().name()
                    + "', which does not keep "
                    + milestoning
                    + " milestoning",
                "name a platform that keeps " + milestoning + " milestoning, or drop the platform");
          }
        } else if (graph.assignedPlatform(group).isEmpty()) {
          findings.report(
              path.field("requirements"),
              subject
                  + "' requires "
                  + milestoning
                  + " milestoning, but no platform of the Ecosystem keeps it",
              platforms.isEmpty()
                  ? "define a platform in the Ecosystem's spec.platforms (type: zero keeps live and"
                      + " forensic milestoning)"
                  : "add a platform that keeps " + milestoning + " milestoning (type: zero does)");
        }
      }
    }
  }
}
