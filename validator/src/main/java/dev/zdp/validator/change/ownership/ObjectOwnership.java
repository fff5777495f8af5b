package dev.zdp.validator.change.ownership;

import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.Team;
import dev.zdp.model.Workspace;
import dev.zdp.model.Zone;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ModelChange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every object a change adds, changes or removes must be owned by the change source (see {@link
 * Owners} for who owns what). Objects are compared by value, one by one: moving an object to
 * another file, or reordering documents, changes nothing.
 */
@RuleInfo(
    id = "ownership",
    severity = Severity.ERROR,
    summary = "A change only adds, changes or removes objects its source repository owns")
public final class ObjectOwnership extends OwnershipRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    if (change.changeSource().isEmpty() || change.isFirstModel()) {
      return;
    }
    RepositoryRef source = change.changeSource().get();
    Owners owners = new Owners(change.base(), change.head());
    Model base = change.base();
    Model head = change.head();

    String ecosystemName =
        head.ecosystem().or(base::ecosystem).map(e -> e.name()).orElse("ecosystem");
    checkOne(
        Kind.ECOSYSTEM,
        ecosystemName,
        base.ecosystem(),
        head.ecosystem(),
        owners.ecosystem(),
        source,
        findings);
    for (String name : names(base.zones(), head.zones(), Zone::name)) {
      checkOne(
          Kind.ZONE, name, base.zone(name), head.zone(name), owners.zone(name), source, findings);
    }
    for (String name : names(base.teams(), head.teams(), Team::name)) {
      checkOne(
          Kind.TEAM, name, base.team(name), head.team(name), owners.team(name), source, findings);
    }
    for (String name : names(base.datastores(), head.datastores(), Datastore::name)) {
      Optional<Datastore> before = base.datastore(name);
      Optional<Datastore> after = head.datastore(name);
      String team = before.or(() -> after).map(Datastore::team).orElseThrow();
      checkOne(Kind.DATASTORE, name, before, after, owners.team(team), source, findings);
    }
    for (String name : names(base.workspaces(), head.workspaces(), Workspace::name)) {
      Optional<Workspace> before = base.workspace(name);
      Optional<Workspace> after = head.workspace(name);
      String team = before.or(() -> after).map(Workspace::team).orElseThrow();
      checkOne(Kind.WORKSPACE, name, before, after, owners.team(team), source, findings);
    }
  }

  private static <T> TreeSet<String> names(List<T> base, List<T> head, Function<T, String> name) {
    TreeSet<String> names = new TreeSet<>();
    base.forEach(o -> names.add(name.apply(o)));
    head.forEach(o -> names.add(name.apply(o)));
    return names;
  }

  private static void checkOne(
      Kind kind,
      String name,
      Optional<?> before,
      Optional<?> after,
      Optional<Owners.Owner> owner,
      RepositoryRef source,
      ChangeFindings findings) {
    if (Objects.equals(before, after) || owner.isEmpty()) {
      return;
    }
    Owners.Owner o = owner.get();
    if (o.repository().sameAs(source)) {
      return;
    }
    String verb = before.isEmpty() ? "add" : after.isEmpty() ? "remove" : "change";
    ObjectPath path = ObjectPath.of(kind, name);
    String message =
        "Cannot "
            + verb
            + " "
            + kind.label()
            + " '"
            + name
            + "' from "
            + source
            + ": it belongs to "
            + o.owner()
            + ", owned by "
            + o.repository();
    String hint =
        "ask the owner to raise a pull request from "
            + o.repository()
            + ", or leave "
            + kind.label()
            + " '"
            + name
            + "' out of this change";
    if (after.isEmpty()) {
      findings.reportRemoved(path, message, hint);
    } else {
      findings.report(path, message, hint);
    }
  }
}
