package dev.zdp.validator.rules.policy;

import dev.zdp.model.AllowDeny;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.Workspace;
import dev.zdp.model.Zone;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.ResolvedSink;
import java.util.List;
import java.util.Optional;

/**
 * A zone's {@code policies.platforms} decides which platforms its teams' workspaces may run their
 * dataset groups on: the platform a group names, or the one its requirements resolve to.
 */
@RuleInfo(
    id = "platform-policy",
    severity = Severity.ERROR,
    summary = "Dataset groups run only on platforms their workspace's zone allows")
public final class PlatformPolicy implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    IntentionGraph graph = IntentionGraph.of(model);
    for (Workspace workspace : model.workspaces()) {
      Optional<Zone> zone = ResolvedSink.zoneOf(model, workspace);
      if (zone.isEmpty()) {
        continue; // team-reference or zone-reference says why
      }
      AllowDeny policy = zone.get().policies().platforms();
      for (DatasetGroup group : workspace.datasetGroups()) {
        Optional<Platform> platform = graph.assignedPlatform(group);
        if (platform.isEmpty() || policy.permits(platform.get().name())) {
          continue; // no platform: platform-reference or platform-requirements reports it
        }
        ObjectPath path =
            ObjectPath.of(Kind.WORKSPACE, workspace.name()).item("datasetGroups", group.name());
        String runsOn =
            group.platform().isPresent()
                ? "runs on platform '" + platform.get().name() + "'"
                : "runs on platform '"
                    + platform.get().name()
                    + "' (the first platform keeping "
                    + group.milestoning().yaml()
                    + " milestoning)";
        findings.report(
            group.platform().isPresent() ? path.field("platform") : path.field("requirements"),
            "Dataset group '"
                + group.name()
                + "' of Workspace '"
                + workspace.name()
                + "' "
                + runsOn
                + ", but "
                + PolicyWords.refusal(
                    model, zone.get(), "platforms", policy, List.of(platform.get().name())),
            "name a platform Zone '"
                + zone.get().name()
                + "' allows, or ask the zone's owners to allow '"
                + platform.get().name()
                + "'");
      }
    }
  }
}
