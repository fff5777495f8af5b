package dev.zdp.validator.rules.secrets;

import dev.zdp.model.Datastore;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import java.util.Optional;

/**
 * A {@code credential} is the name of a secret, never the secret: the value of every credential
 * field (a capture's, and a platform's kafka, connect, catalog and s3 settings') must not look like
 * a password URL, a PEM block or a generated token. Keys such as {@code password} are the loader's
 * to refuse ({@code inline-secret}). Messages never repeat the value.
 */
@RuleInfo(
    id = "credential-name",
    severity = Severity.ERROR,
    summary = "A credential names a secret; it is never the secret itself")
public final class CredentialName implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    for (Datastore datastore : model.datastores()) {
      check(
          findings,
          ObjectPath.of(Kind.DATASTORE, datastore.name()).field("capture"),
          "capture of Datastore '" + datastore.name() + "'",
          Optional.of(datastore.capture().credential()),
          datastore.name() + "_db");
    }
    if (model.ecosystem().isEmpty()) {
      return;
    }
    Ecosystem ecosystem = model.ecosystem().get();
    for (Platform platform : ecosystem.platforms()) {
      ObjectPath path =
          ObjectPath.of(Kind.ECOSYSTEM, ecosystem.name()).item("platforms", platform.name());
      String of = " settings of platform '" + platform.name() + "'";
      String example = platform.name() + "_";
      check(
          findings,
          path.field("kafka"),
          "kafka" + of,
          platform.kafka().credential(),
          example + "kafka");
      check(
          findings,
          path.field("connect"),
          "connect" + of,
          platform.connect().credential(),
          example + "connect");
      ObjectPath iceberg = path.field("iceberg");
      check(
          findings,
          iceberg.field("catalog"),
          "catalog" + of,
          platform.iceberg().catalog().credential(),
          example + "catalog");
      platform
          .iceberg()
          .s3()
          .ifPresent(
              s3 ->
                  check(findings, iceberg.field("s3"), "s3" + of, s3.credential(), example + "s3"));
    }
  }

  private static void check(
      Findings findings,
      ObjectPath owner,
      String where,
      Optional<String> credential,
      String example) {
    credential
        .flatMap(SecretShapes::secretShape)
        .ifPresent(
            shape ->
                findings.report(
                    owner.field("credential"),
                    "The credential of the " + where + " looks like a secret itself: " + shape,
                    "write the NAME of a secret (e.g. credential: "
                        + example
                        + ") and keep its value in the CI's secret store, which passes it to"
                        + " Terraform as a sensitive variable; this value is now in git history,"
                        + " so rotate it"));
  }
}
