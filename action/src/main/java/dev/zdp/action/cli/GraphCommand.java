package dev.zdp.action.cli;

import dev.zdp.action.engine.CheckedModel;
import dev.zdp.generator.graph.GraphRenderer;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.validator.RuleRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zdp graph}: the intention graph — per platform, the datastores and datasets it ingests and
 * the workspaces that consume them — as Mermaid or Graphviz DOT on stdout.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Draw which datasets each platform ingests and which workspaces consume them"
            + " (Mermaid or DOT).",
    footer = {
      "",
      "Exit codes: 0 drawn, 1 the model has errors (nothing drawn),"
          + " 2 could not run (bad arguments, unreadable model)."
    })
final class GraphCommand implements Callable<Integer> {

  static final List<String> FORMATS = List.of("mermaid", "dot");

  private final RuleRegistry rules;

  @Spec CommandSpec spec;

  @Mixin ModelDirectory modelDirectory;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "mermaid",
      description = "mermaid (GitHub renders it in markdown) or dot (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--verbose", description = "Show stack traces of failures.")
  boolean verbose;

  GraphCommand(RuleRegistry rules) {
    this.rules = rules;
  }

  @Override
  public Integer call() throws ModelSourceException {
    Choices.check("--format", format, FORMATS);
    CheckedModel checked = CheckedModel.read(new DirectorySource(modelDirectory.path()), rules);
    if (!checked.reportTo(spec.commandLine().getErr(), "nothing was drawn")) {
      return ExitCodes.FINDINGS;
    }
    IntentionGraph graph = IntentionGraph.of(checked.model());
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.equals("dot") ? GraphRenderer.dot(graph) : GraphRenderer.mermaid(graph));
    out.flush();
    return ExitCodes.OK;
  }
}
