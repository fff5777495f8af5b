package dev.zdp.action.ci.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comment and summary bodies. */
class ReportMarkdownTest {

  private static final FileLinks LINKS = FileLinks.github("https://github.com", "acme/m", "abc");

  private static Diagnostic finding(Severity severity, int line, String message) {
    return new Diagnostic(
        "sink-reference",
        severity,
        message,
        Optional.of(new SourceLocation("models/crm.yaml", line, 3)),
        Optional.empty(),
        "");
  }

  private static CheckResult result(List<Diagnostic> findings) {
    return new CheckResult(
        "pull request #3",
        new Report(findings),
        4,
        false,
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  @Test
  void theCommentListsErrorsFirstAndPointsToTheSummaryForTheRest() {
    List<Diagnostic> findings = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      findings.add(finding(Severity.WARNING, i, "warning " + i));
    }
    findings.add(finding(Severity.ERROR, 99, "the error"));

    String comment = ReportMarkdown.comment(result(findings), LINKS, "in the job summary");

    assertThat(comment)
        .startsWith(ReportMarkdown.MARKER + "\n## :x: zdp failed: pull request #3")
        .contains("**1 error, 25 warnings in 1 file**")
        .contains("…and 6 more findings in the job summary.");
    assertThat(comment.indexOf("the error")).isLessThan(comment.indexOf("warning 1"));
    assertThat(comment)
        .contains("[models/crm.yaml:99](https://github.com/acme/m/blob/abc/models/crm.yaml#L99)");
    assertThat(ReportMarkdown.full(result(findings), LINKS))
        .doesNotContain(ReportMarkdown.MARKER)
        .contains("warning 25")
        .doesNotContain("more findings");
  }

  @Test
  void textFromTheModelCannotInjectMarkup() {
    String comment =
        ReportMarkdown.comment(
            result(
                List.of(
                    finding(
                        Severity.ERROR,
                        1,
                        "name '</details><img src=x>' and [link](http://evil) *bold*"))),
            LINKS,
            "");

    assertThat(comment)
        .doesNotContain("</details>")
        .doesNotContain("<img")
        .doesNotContain("[link](")
        .contains("&lt;/details&gt;&lt;img src=x&gt;")
        .contains("\\[link\\](http://evil) \\*bold\\*");
  }
}
