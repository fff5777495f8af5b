package dev.zdp.validator.rules.policy;

import dev.zdp.model.AllowDeny;
import dev.zdp.model.Model;
import dev.zdp.model.Zone;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.ResolvedSink;
import java.util.List;
import java.util.Optional;

/**
 * A zone's {@code policies.classifications} decides which data its teams' workspaces may consume:
 * each classification of a sunk dataset must be one the zone of the workspace's team permits.
 */
@RuleInfo(
    id = "classification-policy",
    severity = Severity.ERROR,
    summary = "Workspaces sink only datasets whose classifications their zone allows")
public final class ClassificationPolicy implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    for (ResolvedSink sink : ResolvedSink.of(model)) {
      Optional<Zone> zone = ResolvedSink.zoneOf(model, sink.workspace());
      if (zone.isEmpty()) {
        continue; // team-reference or zone-reference says why
      }
      AllowDeny policy = zone.get().policies().classifications();
      List<String> refused =
          sink.dataset().classifications().stream().filter(c -> !policy.permits(c)).toList();
      if (refused.isEmpty()) {
        continue;
      }
      findings.report(
          sink.path(),
          "Cannot sink dataset '"
              + sink.qualifiedDataset()
              + "' into Workspace '"
              + sink.workspace().name()
              + "': "
              + PolicyWords.refusal(model, zone.get(), "classifications", policy, refused),
          "remove this sink, or ask the owners of Zone '"
              + zone.get().name()
              + "' to allow "
              + (refused.size() == 1 ? "classification " : "classifications ")
              + String.join(", ", refused.stream().map(c -> "'" + c + "'").toList()));
    }
  }
}
