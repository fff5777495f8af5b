package dev.zdp.validator.rules.classification;

import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.ProductionStatus;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;

/**
 * Every dataset says what kind of data it holds. Unclassified data is a warning, and an error in a
 * production datastore: zone policies decide who may consume a dataset by its classifications, and
 * they cannot protect data nobody classified.
 */
@RuleInfo(
    id = "classification",
    severity = Severity.WARNING,
    summary = "Every dataset has classifications (required in production datastores)")
public final class DatasetClassification implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    for (Datastore datastore : model.datastores()) {
      boolean production = datastore.productionStatus() == ProductionStatus.PRODUCTION;
      for (Dataset dataset : datastore.datasets()) {
        if (!dataset.classifications().isEmpty()) {
          continue;
        }
        ObjectPath path =
            ObjectPath.of(Kind.DATASTORE, datastore.name()).item("datasets", dataset.name());
        ObjectPath written = path.field("classifications");
        findings.report(
            production ? Severity.ERROR : Severity.WARNING,
            model.sources().exact(written).isPresent() ? written : path,
            "Dataset '"
                + datastore.name()
                + "."
                + dataset.name()
                + "' has no classifications"
                + (production ? " and its datastore is in production" : ""),
            "say what the data is, e.g. classifications: [internal] or [pii]; zone policies allow"
                + " or deny sinking datasets by classification");
      }
    }
  }
}
