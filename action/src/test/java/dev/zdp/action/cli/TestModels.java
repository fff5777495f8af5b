package dev.zdp.action.cli;

import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small models written to temporary directories, and rules with known findings. */
final class TestModels {

  private TestModels() {}

  /** A sound model: one ecosystem, zone, team and datastore, in one file. */
  static final String ECOSYSTEM =
      """
      apiVersion: zdp/v1
      kind: Ecosystem
      metadata:
        name: acme
      spec:
        repository: acme/model@main
        zones:
          - {name: core, repository: acme/model@main}
      ---
      apiVersion: zdp/v1
      kind: Zone
      metadata:
        name: core
      spec:
        teams:
          - {name: sales, repository: acme/model@main}
      ---
      apiVersion: zdp/v1
      kind: Team
      metadata:
        name: sales
        zone: core
      spec: {}
      """;

  static final String DATASTORE =
      """
      apiVersion: zdp/v1
      kind: Datastore
      metadata:
        name: crm
        team: sales
      spec:
        capture: {type: postgres-cdc, host: db, port: 5432, database: crm, credential: crm_db}
        datasets:
          - name: customers
            classifications: [pii]
            columns:
              - {name: id, type: bigint, nullable: false, primaryKey: true}
      """;

  /** Line 7 is not YAML: a plain value holding ": ". */
  static final String MALFORMED =
      """
      apiVersion: zdp/v1
      kind: Datastore
      metadata:
        name: legacy
        team: sales
      spec:
        capture: {type: postgres-cdc, host: legacy-db: internal}
      """;

  /** Writes a sound model of two files into {@code dir} and returns {@code dir}. */
  static Path sound(Path dir) {
    write(dir, "ecosystem.yaml", ECOSYSTEM);
    write(dir, "datastores/crm.yaml", DATASTORE);
    return dir;
  }

  static Path write(Path dir, String file, String content) {
    try {
      Path path = dir.resolve(file);
      Files.createDirectories(path.getParent());
      return Files.writeString(path, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in rules plus one that warns about every datastore. */
  static RuleRegistry withWarningPerDatastore() {
    return new RuleRegistry(
        java.util.stream.Stream.concat(
                RuleRegistry.builtIn().rules().stream(), java.util.stream.Stream.of(WARN))
            .toList());
  }

  /** Only a rule that fails with an exception, as a bug in a rule would. */
  static RuleRegistry withBrokenRule() {
    return new RuleRegistry(List.of(BROKEN));
  }

  static final Rule WARN = new WarnPerDatastore();

  static final Rule BROKEN = new Broken();

  @RuleInfo(
      id = "test-datastore-warning",
      severity = Severity.WARNING,
      summary = "Warns about every datastore (test only)")
  private static final class WarnPerDatastore implements Rule {
    @Override
    public void check(Model model, Findings findings) {
      for (Datastore datastore : model.datastores()) {
        findings.report(
            ObjectPath.of(Kind.DATASTORE, datastore.name()),
            "datastore '" + datastore.name() + "' is here",
            "");
      }
    }
  }

  @RuleInfo(id = "test-broken", severity = Severity.ERROR, summary = "Throws (test only)")
  private static final class Broken implements Rule {
    @Override
    public void check(Model model, Findings findings) {
      throw new IllegalStateException("rule bug");
    }
  }
}
