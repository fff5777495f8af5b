package dev.zdp.validator.report;

import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report as GitHub Actions workflow commands, which the runner turns into annotations on the
 * pull request's files:
 *
 * <pre>
 * ::error file=models/crm.yaml,line=12,col=7,title=[sink-reference] A sink names an existing dataset::Cannot sink dataset 'crm.customer'...%0Ahint: did you mean 'customers'?
 * ::error title=[single-ecosystem] The model has exactly one Ecosystem document::the model has no Ecosystem document
 * 21 errors, 1 warning in 19 files
 * ::notice::GitHub shows at most 10 error and 10 warning annotations per step; ...
 * </pre>
 *
 * Errors come first, then warnings, each in report order, so the annotations GitHub shows (at most
 * 10 errors and 10 warnings per step, 50 per job) are the ones that fail the run. The title is the
 * rule id and its summary, the message is the finding and its hint. Values are escaped as the
 * runner expects: in the message {@code %}, CR and LF; in the properties {@code :} and {@code ,}
 * too. Findings about the model as a whole carry no file. Then a plain totals line, and when more
 * findings exist than GitHub shows, a closing notice that says how many and where they are.
 */
public final class GithubFormat implements ReportFormat {

  /** Annotations of one severity that GitHub shows for one step. */
  static final int SHOWN_PER_STEP = 10;

  private final Map<String, RuleDescription> rules;
  private final int filesRead;

  /**
   * @param rules the descriptions of the ids the report can carry, for annotation titles
   * @param filesRead how many model files were read, for the totals line
   */
  public GithubFormat(List<RuleDescription> rules, int filesRead) {
    this.rules =
        rules.stream()
            .collect(Collectors.toUnmodifiableMap(RuleDescription::id, Function.identity()));
    this.filesRead = filesRead;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    for (Severity severity : List.of(Severity.ERROR, Severity.WARNING)) {
      for (Diagnostic d : report.diagnostics()) {
        if (d.severity() == severity) {
          out.write(command(d) + "\n");
        }
      }
    }
    out.write(Totals.describe(report, filesRead) + "\n");
    long hiddenErrors = Math.max(0, report.errors() - SHOWN_PER_STEP);
    long hiddenWarnings = Math.max(0, report.warnings() - SHOWN_PER_STEP);
    if (hiddenErrors + hiddenWarnings > 0) {
      out.write("::notice::" + escapeData(notice(hiddenErrors, hiddenWarnings)) + "\n");
    }
  }

  private String command(Diagnostic d) {
    StringBuilder command = new StringBuilder("::").append(d.severity().label());
    String properties = "";
    if (d.location().isPresent()) {
      SourceLocation at = d.location().get();
      properties =
          "file=" + escapeProperty(at.file()) + ",line=" + at.line() + ",col=" + at.column() + ",";
    }
    command.append(' ').append(properties).append("title=").append(escapeProperty(title(d)));
    String message = d.hint().isBlank() ? d.message() : d.message() + "\nhint: " + d.hint();
    return command.append("::").append(escapeData(message)).toString();
  }

  private String title(Diagnostic d) {
    RuleDescription rule = rules.get(d.rule());
    return "[" + d.rule() + "] " + (rule == null ? d.severity().label() : rule.summary());
  }

  private static String notice(long hiddenErrors, long hiddenWarnings) {
    String hidden;
    if (hiddenErrors > 0 && hiddenWarnings > 0) {
      hidden = count(hiddenErrors, "error") + " and " + count(hiddenWarnings, "warning");
    } else if (hiddenErrors > 0) {
      hidden = count(hiddenErrors, "error");
    } else {
      hidden = count(hiddenWarnings, "warning");
    }
    return "GitHub annotates at most "
        + SHOWN_PER_STEP
        + " errors and "
        + SHOWN_PER_STEP
        + " warnings per step (50 per job), so "
        + hidden
        + (hiddenErrors + hiddenWarnings == 1 ? " is" : " are")
        + " not annotated. Every finding is listed in this step's log;"
        + " `zdp validate --format sarif` writes the full report for code scanning ("
        + Documentation.reports()
        + ")";
  }

  private static String count(long n, String one) {
    return n + " " + (n == 1 ? one : one + "s");
  }

  /** A command's message: {@code %}, CR and LF escaped, so it stays one line. */
  static String escapeData(String value) {
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A command's property value: as {@link #escapeData}, and {@code :} and {@code ,} too. */
  static String escapeProperty(String value) {
    return escapeData(value).replace(":", "%3A").replace(",", "%2C");
  }
}
