package dev.zdp.validator.rules.secrets;

import dev.zdp.model.Column;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.Secrets;
import dev.zdp.model.Team;
import dev.zdp.model.Workspace;
import dev.zdp.model.Zone;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;

/**
 * No free text of the model holds a secret of a well-known shape ({@link Secrets}): a URL with a
 * password, an AWS access key or secret key, a PEM private key, a GitHub token. Descriptions and a
 * capture's host and database are checked; a platform's endpoints are {@code platform-endpoint}'s
 * and credentials {@code credential-name}'s. Messages say what was found, never the value.
 */
@RuleInfo(
    id = "secret-in-text",
    severity = Severity.ERROR,
    summary = "No description, host or database holds a secret (keys, tokens, passwords in URLs)")
public final class SecretInText implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    model
        .ecosystem()
        .ifPresent(
            ecosystem -> {
              ObjectPath path = ObjectPath.of(Kind.ECOSYSTEM, ecosystem.name());
              check(findings, path.field("description"), ecosystem.description());
              for (Platform platform : ecosystem.platforms()) {
                check(
                    findings,
                    path.item("platforms", platform.name()).field("description"),
                    platform.description());
              }
            });
    for (Zone zone : model.zones()) {
      check(
          findings, ObjectPath.of(Kind.ZONE, zone.name()).field("description"), zone.description());
    }
    for (Team team : model.teams()) {
      check(
          findings, ObjectPath.of(Kind.TEAM, team.name()).field("description"), team.description());
    }
    for (Workspace workspace : model.workspaces()) {
      check(
          findings,
          ObjectPath.of(Kind.WORKSPACE, workspace.name()).field("description"),
          workspace.description());
    }
    for (Datastore datastore : model.datastores()) {
      ObjectPath store = ObjectPath.of(Kind.DATASTORE, datastore.name());
      check(findings, store.field("description"), datastore.description());
      check(findings, store.field("capture").field("host"), datastore.capture().host());
      check(findings, store.field("capture").field("database"), datastore.capture().database());
      for (Dataset dataset : datastore.datasets()) {
        ObjectPath set = store.item("datasets", dataset.name());
        check(findings, set.field("description"), dataset.description());
        for (Column column : dataset.columns()) {
          check(
              findings,
              set.item("columns", column.name()).field("description"),
              column.description());
        }
      }
    }
  }

  private static void check(Findings findings, ObjectPath path, String text) {
    Secrets.find(text)
        .ifPresent(
            shape ->
                findings.report(
                    path,
                    "This text holds a secret: " + shape,
                    "remove it from the model and keep it in the CI's secret store (a"
                        + " credential: names it); it is now in git history, so rotate it"));
  }
}
