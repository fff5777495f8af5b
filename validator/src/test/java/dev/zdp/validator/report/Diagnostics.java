package dev.zdp.validator.report;

import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import java.util.List;
import java.util.Optional;

/** Hand-built diagnostics and reports, as the validator would produce them. */
final class Diagnostics {

  private Diagnostics() {}

  static final Diagnostic MISSING_ECOSYSTEM =
      new Diagnostic(
          "ecosystem-count",
          Severity.ERROR,
          "the model has no Ecosystem document",
          Optional.empty(),
          Optional.empty(),
          "add a document with kind: Ecosystem");

  static final Diagnostic UNKNOWN_DATASET =
      new Diagnostic(
          "sink-reference",
          Severity.ERROR,
          "Cannot sink dataset 'crm.customers': datastore 'crm' has no dataset 'customers'",
          Optional.of(new SourceLocation("workspaces/churn.yaml", 9, 11)),
          Optional.of(
              ObjectPath.of(Kind.WORKSPACE, "churn")
                  .item("datasetGroups", "feed")
                  .item("sinks", "crm.customers")),
          "did you mean 'customer'?");

  static final Diagnostic UNCLASSIFIED =
      new Diagnostic(
          "dataset-classification",
          Severity.WARNING,
          "dataset 'crm.orders' has no classifications",
          Optional.of(new SourceLocation("datastores/crm.yaml", 14, 7)),
          Optional.of(ObjectPath.of(Kind.DATASTORE, "crm").item("datasets", "orders")),
          "");

  static final Diagnostic BAD_TYPE =
      new Diagnostic(
          "column-type",
          Severity.ERROR,
          "unknown type 'bigit' for column 'crm.orders.id'",
          Optional.of(new SourceLocation("datastores/crm.yaml", 18, 19)),
          Optional.of(
              ObjectPath.of(Kind.DATASTORE, "crm")
                  .item("datasets", "orders")
                  .item("columns", "id")
                  .field("type")),
          "did you mean 'bigint'?");

  /** Given out of order on purpose: the report sorts them. */
  static Report mixed() {
    return new Report(List.of(UNKNOWN_DATASET, BAD_TYPE, MISSING_ECOSYSTEM, UNCLASSIFIED));
  }
}
