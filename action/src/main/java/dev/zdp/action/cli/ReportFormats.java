package dev.zdp.action.cli;

import dev.zdp.model.Suggestions;
import dev.zdp.validator.report.JsonFormat;
import dev.zdp.validator.report.ReportFormat;
import dev.zdp.validator.report.TextFormat;
import java.util.List;

/** The names {@code --format} accepts and the report format each one writes. */
final class ReportFormats {

  /** Every name of the CLI contract, in the order help lists them. */
  static final List<String> NAMES = List.of("text", "json", "sarif", "github", "gitlab");

  private static final List<String> AVAILABLE = List.of("text", "json");

  private ReportFormats() {}

  /**
   * The format called {@code name}.
   *
   * @param filesRead how many model files were read, for the text format's clean-report line
   * @throws CannotRun for a name that is not a format, or one not built yet
   */
  static ReportFormat named(String name, int filesRead) {
    check(name);
    return switch (name) {
      case "json" -> new JsonFormat();
      default -> new TextFormat(filesRead);
    };
  }

  /** Fails unless {@code name} is a format this build can write. */
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
    if (!AVAILABLE.contains(name)) {
      throw new CannotRun(
          "format '"
              + name
              + "' is not available yet; use --format "
              + String.join(" or --format ", AVAILABLE));
    }
  }
}
