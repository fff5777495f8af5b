package dev.zdp.validator.change.ownership;

import dev.zdp.model.RepositoryRef;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ModelChange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A change source must own something in the model: a pull request from a fork, or from a branch no
 * declaration names, is told which repositories do.
 */
@RuleInfo(
    id = "change-source-owns-nothing",
    severity = Severity.ERROR,
    summary =
        "The change source is the ecosystem's repository or one a zone or team declaration names")
public final class ChangeSourceOwnsNothing extends OwnershipRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    if (change.changeSource().isEmpty() || change.isFirstModel()) {
      return;
    }
    RepositoryRef source = change.changeSource().get();
    List<RepositoryRef> owners = new Owners(change.base(), change.head()).all();
    if (owners.isEmpty() || owners.stream().anyMatch(source::sameAs)) {
      return;
    }
    String listed = owners.stream().map(RepositoryRef::toString).collect(Collectors.joining(", "));
    Optional<RepositoryRef> otherBranch =
        owners.stream()
            .filter(
                r ->
                    r.host() == source.host()
                        && r.path()
                            .toLowerCase(Locale.ROOT)
                            .equals(source.path().toLowerCase(Locale.ROOT)))
            .findFirst();
    String hint =
        otherBranch
            .map(
                r ->
                    "the branch is part of a repository's identity: raise the pull request from "
                        + r
                        + ", the branch the declaration names")
            .orElse(
                "raise the pull request from the repository that owns what you change (a fork owns"
                    + " nothing until a declaration names it)");
    findings.reportChange(
        "Change source "
            + source
            + " owns nothing in this model; the repositories that own parts of it are "
            + listed,
        hint);
  }
}
