package dev.zdp.validator.change;

import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Sink;
import dev.zdp.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sink of one workspace on a dataset: who a change to that dataset breaks.
 *
 * @param platform the platform the dataset group names, empty when it states requirements instead
 */
public record Consumption(
    String workspace, String team, String group, Optional<String> platform, Sink sink) {

  static Consumption of(Workspace workspace, DatasetGroup group, Sink sink) {
    return new Consumption(
        workspace.name(), workspace.team(), group.name(), group.platform(), sink);
  }

  /**
   * Where the sink is written: {@code Workspace/churn/datasetGroups[feed]/sinks[crm.customers]}.
   */
  public ObjectPath path() {
    return ObjectPath.of(Kind.WORKSPACE, workspace)
        .item("datasetGroups", group)
        .item("sinks", sink.key());
  }

  /** {@code workspace 'churn' (team analytics)}. */
  public String describe() {
    return "workspace '" + workspace + "' (team " + team + ")";
  }

  /**
   * The distinct consuming workspaces, for a message: {@code workspace 'churn' (team analytics) and
   * workspace 'ledger' (team finance)}.
   */
  public static String describe(List<Consumption> consumers) {
    List<String> names = new ArrayList<>();
    for (Consumption c : consumers) {
      String name = c.describe();
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
