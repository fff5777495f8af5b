package dev.zdp.validator.rules.deprecation;

import dev.zdp.model.Model;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.ResolvedSink;

/**
 * Nobody sinks deprecated data by accident: a sink on a deprecated dataset, or on any dataset of a
 * deprecated datastore, is an error, and only a warning when the sink says {@code
 * deprecationsAllowed: true}.
 */
public final class DeprecatedSink implements Rule {

  @Override
  public String id() {
    return "deprecation";
  }

  @Override
  public String summary() {
    return "Sinks on deprecated datasets or datastores say deprecationsAllowed: true";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public void check(Model model, Findings findings) {
    for (ResolvedSink sink : ResolvedSink.of(model)) {
      String deprecated;
      if (sink.datastore().deprecated()) {
        deprecated = "datastore '" + sink.datastore().name() + "' is deprecated";
      } else if (sink.dataset().deprecated()) {
        deprecated = "dataset '" + sink.qualifiedDataset() + "' is deprecated";
      } else {
        continue;
      }
      boolean allowed = sink.sink().deprecationsAllowed();
      findings.report(
          allowed ? Severity.WARNING : Severity.ERROR,
          allowed ? sink.path().field("deprecationsAllowed") : sink.path(),
          "Workspace '"
              + sink.workspace().name()
              + "' sinks dataset '"
              + sink.qualifiedDataset()
              + "', but "
              + deprecated,
          allowed
              ? "plan to move off it: team '"
                  + sink.datastore().team()
                  + "' may remove it (the sink allows deprecations, so this is a warning)"
              : "move to its replacement (ask team '"
                  + sink.datastore().team()
                  + "'), or write deprecationsAllowed: true on this sink to accept it for now");
    }
  }
}
