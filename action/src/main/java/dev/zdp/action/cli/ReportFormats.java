package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.model.Suggestions;
import dev.zdp.validator.report.GithubFormat;
import dev.zdp.validator.report.GitlabFormat;
import dev.zdp.validator.report.JsonFormat;
import dev.zdp.validator.report.ReportFormat;
import dev.zdp.validator.report.RuleDescription;
import dev.zdp.validator.report.SarifFormat;
import dev.zdp.validator.report.TextFormat;
import java.util.List;

/** The names {@code --format} accepts and the report format each one writes. */
final class ReportFormats {

  /** Every name of the CLI contract, in the order help lists them. */
  static final List<String> NAMES = List.of("text", "json", "sarif", "github", "gitlab");

  private ReportFormats() {}

  /**
   * What the formats need to know besides the report.
   *
   * @param rules every rule id the report may hold, for the formats that describe them (SARIF,
   *     GitHub)
   * @param filesRead how many model files were read, for the totals line
   * @param modelWideFile where SARIF and GitLab place findings about the model as a whole, which
   *     have no line: the first model file read, or the model directory when there is none
   */
  record Context(List<RuleDescription> rules, int filesRead, String modelWideFile) {}

  /**
   * The format called {@code name}.
   *
   * @throws CannotRun for a name that is not a format
   */
  static ReportFormat named(String name, Context context) {
    check(name);
    return switch (name) {
      case "json" -> new JsonFormat();
      case "sarif" ->
          new SarifFormat(ZdpVersion.implementation(), context.rules(), context.modelWideFile());
      case "github" -> new GithubFormat(context.rules(), context.filesRead());
      case "gitlab" -> new GitlabFormat(context.modelWideFile());
      default -> new TextFormat(context.filesRead());
    };
  }

  /** Fails unless {@code name} is a format zdp can write. */
  static void check(String name) {
    if (!NAMES.contains(name)) {
      String hint =
          Suggestions.nearest(name, NAMES).map(s -> "did you mean '" + s + "'? ").orElse("");
      throw new CannotRun(
          "unknown format '"
              + name
              + "' for --format; "
              + hint
              + "use one of "
              + String.join(", ", NAMES));
    }
  }
}
