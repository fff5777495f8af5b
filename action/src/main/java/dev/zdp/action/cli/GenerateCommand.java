package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.action.engine.CheckedModel;
import dev.zdp.action.engine.UserTemplates;
import dev.zdp.generator.ArtifactWriter;
import dev.zdp.generator.GenerationException;
import dev.zdp.generator.Generator;
import dev.zdp.generator.OutputLock;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zdp generate}: validates the model, renders it and writes the artifacts, keeping the
 * output directory in step (unchanged files untouched, files no longer generated removed). Nothing
 * is written for a model with errors.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Write the Terraform, MERGE jobs and DAG of every Zero platform; the same model gives"
            + " the same bytes.",
    footer = {
      "",
      "Templates in <model>/templates/ override the built-in ones by name (see 'zdp templates').",
      "Exit codes: 0 written, 1 the model has errors (nothing written),"
          + " 2 could not run (bad arguments, unreadable model, broken template, unwritable"
          + " output)."
    })
final class GenerateCommand implements Callable<Integer> {

  private final RuleRegistry rules;

  @Spec CommandSpec spec;

  @Mixin ModelDirectory modelDirectory;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory to write into (default: <model>/generated).")
  Path out;

  @Option(
      names = "--shard-size",
      paramLabel = "N",
      description =
          "Split each platform into Terraform root modules of at most N datastores"
              + " (<platform>/shard-001/, ...).")
  Integer shardSize;

  @Option(
      names = "--force",
      description =
          "Render every file, even those whose model, templates and zdp are as when they were"
              + " last written (see <out>/.zdp-manifest).")
  boolean force;

  @Option(names = "--verbose", description = "List every file written or removed; stack traces.")
  boolean verbose;

  GenerateCommand(RuleRegistry rules) {
    this.rules = rules;
  }

  @Override
  public Integer call() throws ModelSourceException {
    Generator generator = Generators.withShardSize(shardSize);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    long start = System.nanoTime();
    CheckedModel checked = CheckedModel.read(new DirectorySource(modelDirectory.path()), rules);
    if (!checked.reportTo(stderr, "nothing was generated")) {
      return ExitCodes.FINDINGS;
    }
    long checkedAt = System.nanoTime();
    long checkedCpu = ProcessCpu.nanos();
    UserTemplates templates = UserTemplates.onDisk(modelDirectory.path());
    templates.strays().forEach(stray -> stderr.println("zdp: warning: " + stray));
    Path outDir = out == null ? modelDirectory.path().resolve("generated") : out;
    SortedSet<String> artifacts;
    ArtifactWriter.Result result;
    Optional<String> everythingRendered;
    try (ArtifactWriter.Staging staging = ArtifactWriter.stage(outDir, force)) {
      artifacts =
          Generators.render(
              generator, checked.model(), templates, modelDirectory.path().toString(), staging);
      everythingRendered = staging.whyEverythingIsRendered();
      result = staging.commit(artifacts);
    } catch (GenerationException e) {
      String at =
          e.object().flatMap(checked.model()::locate).map(location -> location + ": ").orElse("");
      stderr.println("zdp: nothing was generated: " + at + e.getMessage());
      return ExitCodes.FINDINGS;
    } catch (OutputLock.Locked e) {
      throw new CannotRun(e.getMessage(), e);
    } catch (IOException e) {
      throw new CannotRun(
          "cannot write into '"
              + outDir
              + "': "
              + IoProblems.describe(e)
              + "; choose a writable directory for --out",
          e);
    }
    if (verbose) {
      everythingRendered.ifPresent(why -> stderr.println("zdp: " + why));
      result.written().forEach(p -> stderr.println("wrote " + outDir.resolve(p)));
      result.removed().forEach(p -> stderr.println("removed " + outDir.resolve(p)));
      long done = System.nanoTime();
      stderr.printf(
          "read %d model files from %s and generated in %d ms"
              + " (reading and checking the model %d ms, rendering and writing %d ms"
              + " using %d ms of CPU)%n",
          checked.filesRead(),
          modelDirectory.path(),
          (done - start) / 1_000_000,
          (checkedAt - start) / 1_000_000,
          (done - checkedAt) / 1_000_000,
          (ProcessCpu.nanos() - checkedCpu) / 1_000_000);
    }
    summary(outDir, artifacts, result).forEach(stdout::println);
    stdout.flush();
    return ExitCodes.OK;
  }

  /** How many files of one platform were generated, and what writing them did. */
  private static final class Tally {
    int files;
    int written;
    int unchanged;
    int removed;
    int upToDate;
  }

  /**
   * Per platform: {@code zero: 14 files (3 written, 11 unchanged, 1 removed; 4 rendered) in
   * out/zero}; the files not rendered were up to date (see {@link ArtifactWriter}).
   */
  static List<String> summary(
      Path outDir, SortedSet<String> artifacts, ArtifactWriter.Result result) {
    Map<String, Tally> tallies = new TreeMap<>();
    artifacts.forEach(p -> tally(tallies, p).files++);
    result.written().forEach(p -> tally(tallies, p).written++);
    result.unchanged().forEach(p -> tally(tallies, p).unchanged++);
    result.removed().forEach(p -> tally(tallies, p).removed++);
    result.upToDate().forEach(p -> tally(tallies, p).upToDate++);
    if (tallies.isEmpty()) {
      return List.of(
          "nothing to generate: no workspace sinks a dataset through a platform of type zero");
    }
    return tallies.entrySet().stream()
        .map(
            e ->
                "%s: %s (%d written, %d unchanged, %d removed; %d rendered) in %s"
                    .formatted(
                        e.getKey(),
                        CheckedModel.count(e.getValue().files, "file"),
                        e.getValue().written,
                        e.getValue().unchanged,
                        e.getValue().removed,
                        e.getValue().files - e.getValue().upToDate,
                        outDir.resolve(e.getKey())))
        .toList();
  }

  /** The tally of the platform an artifact belongs to: the first segment of its path. */
  private static Tally tally(Map<String, Tally> tallies, String artifact) {
    int slash = artifact.indexOf('/');
    return tallies.computeIfAbsent(
        slash < 0 ? artifact : artifact.substring(0, slash), k -> new Tally());
  }
}
