package dev.zdp.validator.change.ownership;

import dev.zdp.model.Ecosystem;
import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.RepositoryRef;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ModelChange;

/**
 * The first model ever (the base has none) is accepted only from the repository its own Ecosystem
 * document declares: nobody owns anything yet, so only the ecosystem's owner may start it.
 */
@RuleInfo(
    id = "first-model-source",
    severity = Severity.ERROR,
    summary = "The first model comes from the repository its Ecosystem document declares")
public final class FirstModelSource extends OwnershipRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    if (change.changeSource().isEmpty() || !change.isFirstModel()) {
      return;
    }
    if (change.head().ecosystem().isEmpty()) {
      return; // the single-model rules report a model without an Ecosystem document
    }
    RepositoryRef source = change.changeSource().get();
    Ecosystem ecosystem = change.head().ecosystem().get();
    if (ecosystem.repository().sameAs(source)) {
      return;
    }
    findings.report(
        ObjectPath.of(Kind.ECOSYSTEM, ecosystem.name()).field("repository"),
        "Cannot create the first model from "
            + source
            + ": its Ecosystem '"
            + ecosystem.name()
            + "' declares "
            + ecosystem.repository()
            + " as its repository",
        "raise the first pull request from "
            + ecosystem.repository()
            + "; once it is merged, zones and teams change what they own from their own"
            + " repositories");
  }
}
