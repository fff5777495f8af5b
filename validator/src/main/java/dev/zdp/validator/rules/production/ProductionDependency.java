package dev.zdp.validator.rules.production;

import dev.zdp.model.Model;
import dev.zdp.model.ProductionStatus;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.ResolvedSink;

/**
 * A production workspace should consume production data: a datastore that is not in production may
 * change or vanish without the care production consumers rely on.
 */
@RuleInfo(
    id = "production-status",
    severity = Severity.WARNING,
    summary = "A production workspace sinks only production datastores")
public final class ProductionDependency implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    for (ResolvedSink sink : ResolvedSink.of(model)) {
      if (sink.workspace().productionStatus() != ProductionStatus.PRODUCTION
          || sink.datastore().productionStatus() == ProductionStatus.PRODUCTION) {
        continue;
      }
      findings.report(
          sink.path(),
          "Production Workspace '"
              + sink.workspace().name()
              + "' sinks dataset '"
              + sink.qualifiedDataset()
              + "' of datastore '"
              + sink.datastore().name()
              + "', which is not in production",
          "ask team '"
              + sink.datastore().team()
              + "' to put datastore '"
              + sink.datastore().name()
              + "' in production (productionStatus: production), or mark this workspace"
              + " productionStatus: not_production");
    }
  }
}
