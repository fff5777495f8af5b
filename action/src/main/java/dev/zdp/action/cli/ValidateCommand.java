package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.load.BoundFiles;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.GitCommitSource;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.ModelSource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.load.SourceFile;
import dev.zdp.validator.Report;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.change.ChangeRuleRegistry;
import dev.zdp.validator.change.ChangeValidator;
import dev.zdp.validator.report.ReportFormat;
import dev.zdp.validator.report.Totals;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zdp validate}: reads the model, runs every rule and writes the report. Exit code 0 when
 * there are no errors, 1 when there are (or warnings with {@code --strict}), 2 when the model could
 * not be read at all or the arguments are wrong.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description = "Check the model and report every problem with its file and line.",
    footer = {
      "",
      "Exit codes: 0 no errors, 1 errors found (or warnings with --strict),"
          + " 2 could not run (bad arguments, unreadable model)."
    })
final class ValidateCommand implements Callable<Integer> {

  private final RuleRegistry rules;
  private final ChangeRuleRegistry changeRules;

  @Spec CommandSpec spec;

  @Mixin ModelDirectory modelDirectory;

  @Option(
      names = "--base",
      paramLabel = "REF",
      description =
          "The live model's git commit (the pull request's base): read the model there too and"
              + " check the change from it to the head (ownership, compatibility, deprecation).")
  String base;

  @Option(
      names = "--head",
      paramLabel = "REF",
      description =
          "Read the model at this git commit (branch, tag or sha) instead of the files on disk.")
  String head;

  @Option(
      names = "--change-source",
      paramLabel = "REPO@BRANCH",
      description = "Who proposes the change: the pull request's head repository and branch.")
  String changeSource;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Report format: text, json, sarif, github or gitlab (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE and print a one-line summary instead.")
  Path output;

  @Option(
      names = "--allow-breaking-changes",
      description =
          "With --base: report breaking schema changes and deprecations as warnings (listed"
              + " prominently) instead of errors. Never overrides ownership, nor a change the"
              + " platform's deploy cannot apply.")
  boolean allowBreakingChanges;

  @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
  boolean strict;

  @Option(names = "--verbose", description = "Say what is read; show stack traces of failures.")
  boolean verbose;

  ValidateCommand(RuleRegistry rules) {
    this.rules = rules;
    this.changeRules = ChangeRuleRegistry.builtIn();
  }

  @Override
  public Integer call() throws ModelSourceException {
    checkArguments();
    PrintWriter out = spec.commandLine().getOut();
    ModelSource source =
        head == null
            ? new DirectorySource(modelDirectory.path())
            : new GitCommitSource(modelDirectory.path(), head);
    long start = System.nanoTime();
    ModelSource baseSource = base == null ? null : new GitCommitSource(modelDirectory.path(), base);
    ReadModels both = ReadModels.of(source, baseSource);
    ReadModel read = both.head();
    LoadResult loaded = read.loaded();
    ChangeValidator validator = new ChangeValidator(rules, changeRules);
    Report report;
    if (baseSource == null) {
      report = validator.validate(loaded);
    } else {
      LoadResult baseLoaded = both.base().orElseThrow();
      report =
          validator.validate(
              baseLoaded,
              loaded,
              changeSource == null ? Optional.empty() : RepositoryRef.parse(changeSource),
              allowBreakingChanges);
      if (verbose) {
        spec.commandLine().getErr().printf("compared with %s%n", baseSource.describe());
      }
    }
    if (verbose) {
      spec.commandLine()
          .getErr()
          .printf(
              "read %d model files from %s and validated them in %d ms%n",
              read.fileCount(), source.describe(), (System.nanoTime() - start) / 1_000_000);
    }
    String modelWideFile =
        read.firstFile().orElse(modelDirectory.path().toString().replace('\\', '/'));
    ReportFormat reportFormat =
        ReportFormats.named(
            format,
            new ReportFormats.Context(validator.descriptions(), read.fileCount(), modelWideFile));
    if (output == null) {
      write(reportFormat, report, out);
    } else {
      writeToFile(reportFormat, report);
      out.println(Totals.describe(report, read.fileCount()) + "; report written to " + output);
    }
    out.flush();
    return report.fails(strict) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** Everything that can be wrong with the arguments, before any file is read. */
  private void checkArguments() {
    ReportFormats.check(format);
    if (base == null && allowBreakingChanges) {
      throw new CannotRun(
          "--allow-breaking-changes needs --base: breaking changes are judged against the live"
              + " model");
    }
    if (changeSource != null) {
      Optional<String> problem = RepositoryRef.explain(changeSource);
      if (problem.isPresent()) {
        throw new CannotRun(
            "--change-source '"
                + changeSource
                + "' is not a repository: "
                + problem.get()
                + " (write it owner/name@branch or gitlab:group/project@branch)");
      }
    }
  }

  private static void write(ReportFormat format, Report report, Writer out) {
    try {
      format.write(report, out);
    } catch (IOException e) {
      throw new CannotRun("cannot write the report: " + e.getMessage(), e);
    }
  }

  private void writeToFile(ReportFormat format, Report report) {
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        format.write(report, file);
      }
    } catch (IOException e) {
      throw new CannotRun(
          "cannot write the report to '"
              + output
              + "': "
              + e
              + "; choose a writable path for --output",
          e);
    }
  }

  /**
   * A model as read, with what the report says of its files: how many, and the first. The files
   * themselves (all their bytes) are not kept while the model is validated.
   */
  private record ReadModel(LoadResult loaded, int fileCount, Optional<String> firstFile) {
    static ReadModel of(ModelSource source, BoundFiles shared) throws ModelSourceException {
      List<SourceFile> files = source.files();
      return new ReadModel(
          shared == null ? ModelLoader.load(files) : ModelLoader.load(files, shared),
          files.size(),
          files.stream().findFirst().map(SourceFile::path));
    }
  }

  /**
   * The model and, with --base, the base model. The base takes what binding the head's files gave
   * for every file whose bytes did not change (a pull request changes a few), and nothing of the
   * head's files is kept once both are read.
   */
  private record ReadModels(ReadModel head, Optional<LoadResult> base) {
    static ReadModels of(ModelSource source, ModelSource baseSource) throws ModelSourceException {
      if (baseSource == null) {
        return new ReadModels(ReadModel.of(source, null), Optional.empty());
      }
      BoundFiles shared = new BoundFiles();
      ReadModel head = ReadModel.of(source, shared);
      return new ReadModels(head, Optional.of(ModelLoader.load(baseSource.files(), shared)));
    }
  }
}
