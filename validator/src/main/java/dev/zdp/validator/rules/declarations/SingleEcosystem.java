package dev.zdp.validator.rules.declarations;

import dev.zdp.model.Definition;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.Describe;
import java.util.List;

/** A model has exactly one Ecosystem document: the root that declares zones and platforms. */
@RuleInfo(
    id = "single-ecosystem",
    severity = Severity.ERROR,
    summary = "A model has exactly one Ecosystem document")
public final class SingleEcosystem implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    List<Definition> ecosystems =
        model.definitions().topLevel().stream()
            .filter(d -> d.path().segments().get(0).equals(Kind.ECOSYSTEM.label()))
            .toList();
    if (ecosystems.isEmpty() && model.ecosystem().isEmpty()) {
      findings.reportModel(
          "The model has no Ecosystem document",
          "add one, e.g. ecosystem.yaml with apiVersion: zdp/v1, kind: Ecosystem and metadata.name;"
              + " it names the owning repository and declares the zones and platforms");
      return;
    }
    if (ecosystems.size() < 2) {
      return;
    }
    Definition first = ecosystems.get(0);
    for (Definition extra : ecosystems.subList(1, ecosystems.size())) {
      findings.reportAt(
          defaultSeverity(),
          extra.location(),
          extra.path(),
          "Another Ecosystem document, '"
              + Describe.name(extra.path()).orElse("")
              + "': a model has exactly one, and the first is '"
              + Describe.name(first.path()).orElse("")
              + "' at "
              + Describe.at(first.location()),
          "move what this document declares into the first one and delete it");
    }
  }
}
