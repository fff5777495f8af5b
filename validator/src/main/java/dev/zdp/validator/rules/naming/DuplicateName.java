package dev.zdp.validator.rules.naming;

import dev.zdp.model.Definition;
import dev.zdp.model.Definitions;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.Describe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names are unique where the model format says so: zones, teams, datastores and workspaces across
 * the ecosystem; datasets in a datastore, columns in a dataset, dataset groups in a workspace,
 * sinks in a group, zone declarations and platforms in the Ecosystem, team declarations in a zone.
 * Two definitions with the same object path are the same name twice. Each later copy is reported
 * where it was written, naming where the first one is.
 *
 * <p>A second Ecosystem document is {@code single-ecosystem}'s to report, and the contents of a
 * duplicated object are not reported again.
 */
@RuleInfo(
    id = "duplicate-name",
    severity = Severity.ERROR,
    summary = "Names are unique in their scope")
public final class DuplicateName implements Rule {

  /**
   * Definitions come in documents: a top-level object, then what is named inside it. A nested path
   * can repeat only inside its own document, unless its top-level object is itself duplicated (and
   * then it is not reported), so nested names are compared one document at a time and only
   * top-level names across the model: a large model has a million column definitions, read once.
   */
  @Override
  public void check(Model model, Findings findings) {
    Definitions definitions = model.definitions();
    Map<ObjectPath, List<Definition>> topLevel = new LinkedHashMap<>();
    for (Definition definition : definitions.topLevel()) {
      topLevel.computeIfAbsent(definition.path(), p -> new ArrayList<>(1)).add(definition);
    }
    Set<ObjectPath> reported = new HashSet<>();
    // the nested definitions of the document being read, unless its top-level object is duplicated
    List<Definition> document = new ArrayList<>();
    boolean duplicatedDocument = false;
    for (Definition definition : definitions) {
      ObjectPath path = definition.path();
      if (path.size() != 2) {
        if (!duplicatedDocument) {
          document.add(definition);
        }
        continue;
      }
      checkDocument(document, findings);
      document.clear();
      List<Definition> copies = topLevel.get(path);
      duplicatedDocument = copies.size() > 1;
      if (duplicatedDocument && reported.add(path)) {
        report(path, copies, Set.of(), findings);
      }
    }
    checkDocument(document, findings);
  }

  /** The nested names of one document whose top-level object is not duplicated. */
  private void checkDocument(List<Definition> document, Findings findings) {
    if (document.size() < 2) {
      return;
    }
    Map<ObjectPath, List<Definition>> byPath = new LinkedHashMap<>();
    for (Definition definition : document) {
      byPath.computeIfAbsent(definition.path(), p -> new ArrayList<>(1)).add(definition);
    }
    Set<ObjectPath> duplicated = new HashSet<>();
    byPath.forEach(
        (path, copies) -> {
          if (copies.size() > 1) {
            duplicated.add(path);
          }
        });
    if (duplicated.isEmpty()) {
      return;
    }
    byPath.forEach(
        (path, copies) -> {
          if (copies.size() > 1) {
            report(path, copies, duplicated, findings);
          }
        });
  }

  private void report(
      ObjectPath path, List<Definition> copies, Set<ObjectPath> duplicated, Findings findings) {
    if (isEcosystem(path) || insideDuplicate(path, duplicated)) {
      return;
    }
    Definition first = copies.get(0);
    for (Definition copy : copies.subList(1, copies.size())) {
      findings.reportAt(
          defaultSeverity(),
          copy.location(),
          path,
          "Duplicate "
              + Describe.object(path)
              + ": first defined at "
              + Describe.at(first.location()),
          hint(path));
    }
  }

  private static boolean isEcosystem(ObjectPath path) {
    return path.size() == 2 && path.segments().get(0).equals(Kind.ECOSYSTEM.label());
  }

  private static boolean insideDuplicate(ObjectPath path, Set<ObjectPath> duplicated) {
    for (ObjectPath up = path.parent(); ; up = up.parent()) {
      if (!up.equals(path) && duplicated.contains(up)) {
        return true;
      }
      if (up.parent().equals(up)) {
        return false;
      }
    }
  }

  private static String hint(ObjectPath path) {
    String noun = Describe.noun(path).orElse("object");
    if (path.size() == 2) {
      return "rename or remove one of them: " + noun + " names are unique across the ecosystem";
    }
    if (noun.equals("sink")) {
      return "remove the repeated sink";
    }
    return "rename or remove one of them: "
        + noun
        + " names are unique within "
        + Describe.object(path.parent());
  }
}
