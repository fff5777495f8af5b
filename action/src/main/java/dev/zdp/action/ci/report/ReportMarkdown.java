package dev.zdp.action.ci.report;

import dev.zdp.generator.graph.GraphRenderer;
import dev.zdp.generator.plan.PlanRenderer;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Severity;
import dev.zdp.validator.report.Totals;
import java.util.Comparator;
import java.util.List;

/**
 * The report as markdown, for the pull request comment (top findings) and the job summary (all of
 * them): the verdict and counts first, then the findings with links to their lines, then the plan
 * (its summary, destructive changes, the details folded) and a Mermaid picture of the affected part
 * of the graph. Text from the model is escaped, so a name cannot inject markup.
 */
public final class ReportMarkdown {

  /** The hidden line that marks zdp's own comment, so it is found and edited, not re-posted. */
  public static final String MARKER = "<!-- zdp:report -->";

  /** Findings listed in a comment; the job summary lists them all. */
  public static final int COMMENT_FINDINGS = 20;

  /** Above this many datasets the picture says less than the plan, so it is left out. */
  static final int MAX_GRAPH_DATASETS = 60;

  private ReportMarkdown() {}

  /** The sticky comment (or merge request note): marker, verdict, top findings, plan. */
  public static String comment(CheckResult result, FileLinks links, String moreIn) {
    return MARKER + "\n" + body(result, links, COMMENT_FINDINGS, moreIn);
  }

  /** The full report, for the job summary. */
  public static String full(CheckResult result, FileLinks links) {
    return body(result, links, Integer.MAX_VALUE, "");
  }

  private static String body(CheckResult result, FileLinks links, int maxFindings, String moreIn) {
    StringBuilder out = new StringBuilder();
    out.append("## ")
        .append(result.passes() ? ":white_check_mark:" : ":x:")
        .append(" zdp ")
        .append(result.passes() ? "passed" : "failed")
        .append(": ")
        .append(escape(result.subject()))
        .append("\n\n");
    out.append("**")
        .append(escape(Totals.describe(result.report(), result.filesRead())))
        .append("**");
    result.plan().ifPresent(plan -> out.append(" · plan: ").append(PlanRenderer.summary(plan)));
    out.append("\n");
    if (result.strict() && result.report().warnings() > 0 && result.report().errors() == 0) {
      out.append("\nWarnings fail this check (`fail-on-warnings`).\n");
    }
    findings(out, result.report().diagnostics(), links, maxFindings, moreIn);
    for (String note : result.notes()) {
      out.append("\n> ").append(escape(note)).append('\n');
    }
    result.plan().ifPresent(plan -> out.append('\n').append(PlanRenderer.markdown(plan)));
    result.affected().ifPresent(graph -> picture(out, graph));
    return out.toString();
  }

  private static void findings(
      StringBuilder out,
      List<Diagnostic> diagnostics,
      FileLinks links,
      int maxFindings,
      String moreIn) {
    if (diagnostics.isEmpty()) {
      return;
    }
    List<Diagnostic> ordered =
        diagnostics.stream()
            .sorted(Comparator.comparing(Diagnostic::severity).thenComparing(Diagnostic.ORDER))
            .toList();
    out.append("\n### Findings\n\n");
    ordered.stream().limit(maxFindings).forEach(d -> out.append(finding(d, links)));
    int hidden = ordered.size() - Math.min(maxFindings, ordered.size());
    if (hidden > 0) {
      out.append("\n…and ")
          .append(hidden)
          .append(hidden == 1 ? " more finding" : " more findings")
          .append(moreIn.isEmpty() ? "" : " " + moreIn)
          .append(".\n");
    }
  }

  private static String finding(Diagnostic d, FileLinks links) {
    StringBuilder line = new StringBuilder("- ");
    line.append(d.severity() == Severity.ERROR ? ":x: " : ":warning: ")
        .append("**")
        .append(escape(d.rule()))
        .append("**");
    d.location()
        .ifPresent(
            at ->
                line.append(" [")
                    .append(escape(at.file() + ":" + at.line()))
                    .append("](")
                    .append(links.to(at))
                    .append(')'));
    line.append(": ").append(escape(d.message()));
    if (!d.hint().isBlank()) {
      line.append(" — _").append(escape(d.hint())).append('_');
    }
    return line.append('\n').toString();
  }

  private static void picture(StringBuilder out, IntentionGraph graph) {
    int datasets = AffectedGraph.datasets(graph);
    out.append("\n<details><summary>Affected pipelines (")
        .append(datasets)
        .append(datasets == 1 ? " dataset" : " datasets")
        .append(")</summary>\n\n");
    if (datasets > MAX_GRAPH_DATASETS) {
      out.append("Too many to draw; run `zdp graph` for the whole picture.\n");
    } else {
      out.append("```mermaid\n").append(GraphRenderer.mermaid(graph)).append("```\n");
    }
    out.append("\n</details>\n");
  }

  /**
   * Model text as plain markdown: HTML-significant characters become entities and markdown
   * punctuation that could start emphasis, code, links or tables is backslash-escaped, and line
   * breaks become spaces (a {@code #} or {@code !} mid-line is plain text, and keeps its autolink).
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\n', '\r' -> out.append(' ');
        case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
