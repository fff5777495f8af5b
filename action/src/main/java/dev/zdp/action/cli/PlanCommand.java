package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.action.engine.CheckedModel;
import dev.zdp.action.engine.TemplatesAtCommit;
import dev.zdp.action.engine.UserTemplates;
import dev.zdp.generator.GenerationException;
import dev.zdp.generator.Generator;
import dev.zdp.generator.plan.Plan;
import dev.zdp.generator.plan.PlanRenderer;
import dev.zdp.generator.plan.Planner;
import dev.zdp.model.load.BoundFiles;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.GitCommitSource;
import dev.zdp.model.load.ModelSource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.validator.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zdp plan}: renders the model at the base commit and at the head, and lists what {@code
 * generate} would add, change and destroy, with destructive changes called out. A plan is not a
 * failure: exit 0 whatever it holds.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Show what generate would add, change and destroy between a base commit and the head.",
    footer = {
      "",
      "Each side is rendered with the templates/ directory of the model as it is on that side.",
      "Exit codes: 0 a plan was made (whatever it holds), 1 the head model has errors,"
          + " 2 could not run (bad arguments, unknown git ref, broken template)."
    })
final class PlanCommand implements Callable<Integer> {

  static final List<String> FORMATS = List.of("markdown", "json");

  private final RuleRegistry rules;

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "Directory holding the model's YAML files, inside a git repository"
              + " (default: ${DEFAULT-VALUE}).")
  Path model;

  @Option(
      names = "--base",
      paramLabel = "REF",
      required = true,
      description = "The git commit to compare with: a branch, tag or sha (the live model).")
  String base;

  @Option(
      names = "--head",
      paramLabel = "REF",
      description = "Read the head model at this git commit instead of the files on disk.")
  String head;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "markdown",
      description = "markdown (for a pull request comment) or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the plan to FILE and print its one-line summary instead.")
  Path output;

  @Option(
      names = "--shard-size",
      paramLabel = "N",
      description = "Render both sides with generate's --shard-size N.")
  Integer shardSize;

  @Option(names = "--verbose", description = "Show stack traces of failures.")
  boolean verbose;

  PlanCommand(RuleRegistry rules) {
    this.rules = rules;
  }

  @Override
  public Integer call() throws ModelSourceException {
    Choices.check("--format", format, FORMATS);
    Generator generator = Generators.withShardSize(shardSize);
    PrintWriter stderr = spec.commandLine().getErr();
    ModelSource headSource =
        head == null ? new DirectorySource(model) : new GitCommitSource(model, head);
    // the base takes what binding gave for every head file whose bytes did not change
    BoundFiles shared = new BoundFiles();
    CheckedModel headModel = CheckedModel.read(headSource, rules, shared);
    CheckedModel baseModel = CheckedModel.read(new GitCommitSource(model, base), rules, shared);
    shared = null; // what binding gave every file, not needed while rendering
    if (!headModel.reportTo(stderr, "no plan was made")) {
      return ExitCodes.FINDINGS;
    }
    if (baseModel.hasErrors()) {
      stderr.println(
          "zdp: warning: the base model in "
              + baseModel.source()
              + " has "
              + CheckedModel.count(baseModel.report().errors(), "error")
              + "; the plan compares with what it renders nonetheless");
    }
    // Only what can differ is rendered: the datastores whose records, consumers or platform differ
    // between the sides (all of them when the templates differ), and the shared files.
    SortedMap<String, byte[]> baseArtifacts;
    SortedMap<String, byte[]> headArtifacts;
    UserTemplates onDisk = head == null ? UserTemplates.onDisk(model) : null;
    try (TemplatesAtCommit baseTemplates = TemplatesAtCommit.read(model, base);
        TemplatesAtCommit headAtCommit =
            head == null ? null : TemplatesAtCommit.read(model, head)) {
      UserTemplates headTemplates = head == null ? onDisk : headAtCommit.templates();
      BiPredicate<String, IngestedDatastore> differing =
          generator.differences(
              baseModel.model(),
              baseTemplates.templates().directory(),
              headModel.model(),
              headTemplates.directory());
      try {
        baseArtifacts =
            Generators.render(
                generator,
                baseModel.model(),
                baseTemplates.templates(),
                baseModel.source(),
                differing);
      } catch (GenerationException e) {
        throw new CannotRun(
            "cannot render the base model in " + baseModel.source() + ": " + e.getMessage(), e);
      }
      if (head == null) {
        onDisk.strays().forEach(stray -> stderr.println("zdp: warning: " + stray));
      }
      try {
        headArtifacts =
            Generators.render(
                generator, headModel.model(), headTemplates, headModel.source(), differing);
      } catch (GenerationException e) {
        stderr.println("zdp: no plan was made: " + e.getMessage());
        return ExitCodes.FINDINGS;
      }
    }
    Plan plan =
        Planner.diff(
            baseArtifacts,
            headArtifacts,
            IntentionGraph.of(baseModel.model()),
            IntentionGraph.of(headModel.model()));
    write(plan);
    return ExitCodes.OK;
  }

  private void write(Plan plan) {
    String text = format.equals("json") ? PlanRenderer.json(plan) : PlanRenderer.markdown(plan);
    PrintWriter stdout = spec.commandLine().getOut();
    if (output == null) {
      stdout.print(text);
    } else {
      try {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(output, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CannotRun(
            "cannot write the plan to '"
                + output
                + "': "
                + e
                + "; choose a writable path for --output",
            e);
      }
      stdout.println(PlanRenderer.summary(plan) + "; plan written to " + output);
    }
    stdout.flush();
  }
}
