package dev.zdp.validator.rules.naming;

import dev.zdp.model.Definition;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.Describe;
import java.util.ArrayList;
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
public final class DuplicateName implements Rule {

  @Override
  public String id() {
    return "duplicate-name";
  }

  @Override
  public String summary() {
    return "Names are unique in their scope";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public void check(Model model, Findings findings) {
    Map<ObjectPath, List<Definition>> byPath = new LinkedHashMap<>();
    for (Definition definition : model.definitions()) {
      byPath.computeIfAbsent(definition.path(), p -> new ArrayList<>()).add(definition);
    }
    Set<ObjectPath> duplicated =
        byPath.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toSet());
    for (Map.Entry<ObjectPath, List<Definition>> entry : byPath.entrySet()) {
      ObjectPath path = entry.getKey();
      List<Definition> copies = entry.getValue();
      if (copies.size() < 2 || isEcosystem(path) || insideDuplicate(path, duplicated)) {
        continue;
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
