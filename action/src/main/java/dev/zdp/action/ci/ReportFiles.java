package dev.zdp.action.ci;

import dev.zdp.action.ci.report.CheckResult;
import dev.zdp.action.engine.ModelAtCommit;
import dev.zdp.validator.report.GitlabFormat;
import dev.zdp.validator.report.ReportFormat;
import dev.zdp.validator.report.RuleDescription;
import dev.zdp.validator.report.SarifFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The report files CI systems pick up: SARIF for code scanning, Code Quality for GitLab. */
final class ReportFiles {

  /** Where GitLab's Code Quality report is written, in the project directory. */
  static final String CODE_QUALITY = "gl-code-quality-report.json";

  private ReportFiles() {}

  static Path sarif(
      ActionEnvironment env, CheckResult result, ModelAtCommit head, List<RuleDescription> rules)
      throws IOException {
    Path file = env.repository().resolve(env.inputs().sarifPath());
    write(
        file,
        new SarifFormat(
            Optional.ofNullable(ReportFiles.class.getPackage().getImplementationVersion()),
            rules,
            head.modelWideFile()),
        result);
    return file;
  }

  static Path codeQuality(ActionEnvironment env, CheckResult result, ModelAtCommit head)
      throws IOException {
    Path file = env.repository().resolve(CODE_QUALITY);
    write(file, new GitlabFormat(head.modelWideFile()), result);
    return file;
  }

  private static void write(Path file, ReportFormat format, CheckResult result) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      format.write(result.report(), writer);
    }
  }
}
