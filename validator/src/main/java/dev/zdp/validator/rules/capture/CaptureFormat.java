package dev.zdp.validator.rules.capture;

import dev.zdp.model.Capture;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import java.util.Optional;

/**
 * The connection details of a capture, and the tables it reads, are written the way the connector
 * needs them: a bare host, a database name, {@code schema.table}, and slot and publication names
 * PostgreSQL accepts. The port's range is the loader's to check.
 */
@RuleInfo(
    id = "capture-format",
    severity = Severity.ERROR,
    summary = "Capture host, database, tables, slot and publication names are well formed")
public final class CaptureFormat implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    for (Datastore datastore : model.datastores()) {
      ObjectPath store = ObjectPath.of(Kind.DATASTORE, datastore.name());
      ObjectPath capturePath = store.field("capture");
      Capture capture = datastore.capture();
      String of = "Datastore '" + datastore.name() + "': capture ";
      HostName.problem(capture.host())
          .ifPresent(
              problem ->
                  findings.report(
                      capturePath.field("host"),
                      of + "host '" + capture.host() + "' " + problem,
                      HostName.suggestion(capture.host())
                              .map(h -> "write host: " + h)
                              .orElse("write a DNS name or an IP address")
                          + "; the port goes in port:, and credentials in the credential's"
                          + " secret"));
      PostgresNames.databaseProblem(capture.database())
          .ifPresent(
              problem ->
                  findings.report(
                      capturePath.field("database"),
                      of + "database '" + capture.database() + "' " + problem,
                      "write only the name of the database, as CREATE DATABASE was given it"));
      replicationName(
          findings, capturePath, of, "slotName", "replication slot", capture.slotName());
      replicationName(
          findings, capturePath, of, "publicationName", "publication", capture.publicationName());
      for (Dataset dataset : datastore.datasets()) {
        Optional<String> problem = tableProblem(dataset.table());
        ObjectPath table = store.item("datasets", dataset.name()).field("table");
        // a default table (public.<name>) is not written, so it is not checked
        if (problem.isPresent() && model.sources().exact(table).isPresent()) {
          findings.report(
              table,
              "Dataset '"
                  + datastore.name()
                  + "."
                  + dataset.name()
                  + "': table '"
                  + dataset.table()
                  + "' "
                  + problem.get(),
              "write the source table as schema.table, e.g. public." + dataset.name());
        }
      }
    }
  }

  private static void replicationName(
      Findings findings,
      ObjectPath capture,
      String of,
      String field,
      String what,
      Optional<String> name) {
    name.flatMap(PostgresNames::replicationNameProblem)
        .ifPresent(
            problem ->
                findings.report(
                    capture.field(field),
                    of + what + " name '" + name.get() + "' " + problem,
                    "write a name of lower-case letters, digits and _ (at most "
                        + PostgresNames.MAX_BYTES
                        + "), or leave "
                        + field
                        + " out to use the derived one"));
  }

  private static Optional<String> tableProblem(String table) {
    String[] parts = table.split("\\.", -1);
    if (parts.length != 2) {
      return Optional.of("is not schema.table");
    }
    Optional<String> schema = PostgresNames.identifierProblem(parts[0]);
    if (schema.isPresent()) {
      return Optional.of("has a schema '" + parts[0] + "' that " + schema.get());
    }
    return PostgresNames.identifierProblem(parts[1])
        .map(p -> "has a table name '" + parts[1] + "' that " + p);
  }
}
