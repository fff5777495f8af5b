package dev.zdp.action.engine;

import dev.zdp.model.Model;
import dev.zdp.model.load.BoundFiles;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.ModelSource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.load.SourceFile;
import dev.zdp.validator.Report;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.change.ChangeRuleRegistry;
import dev.zdp.validator.change.ChangeValidator;
import dev.zdp.validator.report.TextFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A model read from its source and validated, as {@code generate}, {@code plan} and {@code graph}
 * use it: they never render a model with errors. The validation report goes to stderr, because
 * stdout carries what the command produces.
 *
 * @param filesRead how many model files were read
 * @param source where the model was read from, for messages
 */
public record CheckedModel(Model model, Report report, int filesRead, String source) {

  public static CheckedModel read(ModelSource source, RuleRegistry rules)
      throws ModelSourceException {
    return read(source, rules, null);
  }

  /**
   * Reads and validates a model, taking from {@code shared} (when not null) what binding files of
   * the same bytes gave in an earlier read, and leaving this read's there.
   */
  public static CheckedModel read(ModelSource source, RuleRegistry rules, BoundFiles shared)
      throws ModelSourceException {
    Loaded loaded = Loaded.of(source, shared);
    Report report =
        new ChangeValidator(rules, ChangeRuleRegistry.builtIn()).validate(loaded.result());
    // the rules have run: the definitions (rules about names read them) are not kept with the model
    return new CheckedModel(
        loaded.result().model().withoutDefinitions(),
        report,
        loaded.filesRead(),
        source.describe());
  }

  /**
   * A model as loaded, and how many files it was read from: the files themselves (all their bytes)
   * are not kept while the model is validated.
   */
  private record Loaded(LoadResult result, int filesRead) {
    static Loaded of(ModelSource source, BoundFiles shared) throws ModelSourceException {
      List<SourceFile> files = source.files();
      return new Loaded(
          shared == null ? ModelLoader.load(files) : ModelLoader.load(files, shared), files.size());
    }
  }

  public boolean hasErrors() {
    return report.errors() > 0;
  }

  /**
   * Writes the validation report to {@code err} when it has anything to say, and, when the model
   * has errors, a last line saying that {@code nothing} happened because of them.
   *
   * @return true when the model has no errors and the command may go on
   */
  public boolean reportTo(PrintWriter err, String nothing) {
    if (report.diagnostics().isEmpty()) {
      return true;
    }
    try {
      new TextFormat(filesRead).write(report, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (hasErrors()) {
      err.println(
          "zdp: "
              + nothing
              + ": the model in "
              + source
              + " has "
              + count(report.errors(), "error")
              + " (listed above); fix "
              + (report.errors() == 1 ? "it" : "them")
              + " and run again");
    }
    err.flush();
    return !hasErrors();
  }

  public static String count(long n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }
}
