package dev.zdp.validator.rules.schema;

import dev.zdp.model.Column;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;

/**
 * Every dataset has a primary key and its key columns are not nullable: Zero merges change events
 * into corpus tables by key, and a null key matches nothing.
 */
@RuleInfo(
    id = "primary-key",
    severity = Severity.ERROR,
    summary = "Every dataset has a primary key of non-nullable columns")
public final class PrimaryKey implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    for (Datastore datastore : model.datastores()) {
      for (Dataset dataset : datastore.datasets()) {
        ObjectPath path =
            ObjectPath.of(Kind.DATASTORE, datastore.name()).item("datasets", dataset.name());
        String qualified = datastore.name() + "." + dataset.name();
        if (dataset.primaryKey().isEmpty()) {
          findings.report(
              path,
              "Dataset '" + qualified + "' has no primary key",
              "write primaryKey: true on the column(s) that identify a row; Zero merges changes"
                  + " by key");
          continue;
        }
        for (Column column : dataset.primaryKey()) {
          if (column.nullable()) {
            findings.report(
                path.item("columns", column.name()).field("nullable"),
                "Dataset '"
                    + qualified
                    + "': primary key column '"
                    + column.name()
                    + "' must not be nullable",
                "write nullable: false on '" + column.name() + "'");
          }
        }
      }
    }
  }
}
