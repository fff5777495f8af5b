package dev.zdp.generator.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A plan as the pull request comment shows it (markdown: the counts and destructive changes first,
 * the details folded) and as JSON for machines.
 */
public final class PlanRenderer {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanRenderer() {}

  public static String summary(Plan plan) {
    if (plan.isEmpty()) {
      return "No changes: the generated artifacts are already up to date.";
    }
    String counts =
        plan.with(Action.ADD).size()
            + " to add, "
            + plan.with(Action.CHANGE).size()
            + " to change, "
            + plan.with(Action.DESTROY).size()
            + " to destroy";
    int destructive = plan.destructive().size();
    return destructive == 0 ? counts : counts + "; " + destructive + " destructive";
  }

  public static String markdown(Plan plan) {
    StringBuilder out = new StringBuilder("### zdp plan\n\n");
    out.append("**").append(summary(plan)).append("**\n");
    if (plan.isEmpty()) {
      return out.toString();
    }
    List<PlannedChange> destructive = plan.destructive();
    if (!destructive.isEmpty()) {
      out.append("\n:warning: **Destructive changes**\n\n");
      for (PlannedChange change : destructive) {
        for (Callout callout : change.callouts()) {
          if (!callout.kind().destructive()) {
            continue;
          }
          out.append("- ")
              .append(code(change.module() + ": " + change.address()))
              .append(": ")
              .append(escape(callout.message()))
              .append(affects(change))
              .append('\n');
        }
      }
    }
    List<PlannedChange> starts =
        plan.changes().stream().filter(change -> !change.captureStarts().isEmpty()).toList();
    if (!starts.isEmpty()) {
      out.append("\n**Capture starts** (existing rows arrive in staging and the corpus)\n\n");
      for (PlannedChange change : starts) {
        for (Callout callout : change.captureStarts()) {
          out.append("- ")
              .append(code(change.module() + ": " + change.address()))
              .append(": ")
              .append(escape(callout.message()))
              .append('\n');
        }
      }
    }
    out.append("\n<details><summary>Details (")
        .append(plan.changes().size())
        .append(plan.changes().size() == 1 ? " change" : " changes")
        .append(")</summary>\n");
    for (Action action : Action.values()) {
      List<PlannedChange> changes = plan.with(action);
      if (changes.isEmpty()) {
        continue;
      }
      out.append("\n#### ")
          .append(Character.toUpperCase(action.label().charAt(0)))
          .append(action.label().substring(1))
          .append(" (")
          .append(changes.size())
          .append(")\n\n");
      for (PlannedChange change : changes) {
        out.append("- ")
            .append(change.destructive() ? ":warning: " : "")
            .append(code(change.module() + ": " + change.address()))
            .append(" (")
            .append(change.type())
            .append(')')
            .append(affects(change))
            .append('\n');
        for (KeyChange key : change.keys()) {
          out.append("  - ")
              .append(code(key.key()))
              .append(": ")
              .append(key.before().map(PlanRenderer::code).orElse("(none)"))
              .append(" → ")
              .append(key.after().map(PlanRenderer::code).orElse("(none)"))
              .append('\n');
        }
      }
    }
    return out.append("\n</details>\n").toString();
  }

  public static String json(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode summary = root.putObject("summary");
    summary.put("add", plan.with(Action.ADD).size());
    summary.put("change", plan.with(Action.CHANGE).size());
    summary.put("destroy", plan.with(Action.DESTROY).size());
    summary.put("destructive", plan.destructive().size());
    ArrayNode changes = root.putArray("changes");
    for (PlannedChange change : plan.changes()) {
      ObjectNode node = changes.addObject();
      node.put("action", change.action().label());
      node.put("module", change.module());
      node.put("address", change.address());
      node.put("type", change.type());
      ArrayNode keys = node.putArray("keys");
      for (KeyChange key : change.keys()) {
        ObjectNode k = keys.addObject();
        k.put("key", key.key());
        k.put("before", key.before().orElse(null));
        k.put("after", key.after().orElse(null));
      }
      ArrayNode callouts = node.putArray("callouts");
      for (Callout callout : change.callouts()) {
        callouts.addObject().put("kind", callout.kind().id()).put("message", callout.message());
      }
      ArrayNode workspaces = node.putArray("workspaces");
      change.workspaces().forEach(workspaces::add);
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serializes", e);
    }
  }

  private static String affects(PlannedChange change) {
    return change.workspaces().isEmpty()
        ? ""
        : " — affects " + String.join(", ", change.workspaces());
  }

  private static String code(String text) {
    String fence = text.contains("`") ? "``" : "`";
    return fence + text + fence;
  }

  private static String escape(String text) {
    return text.replace("<", "&lt;").replace(">", "&gt;");
  }
}
