package dev.zdp.action.ci.github;

import dev.zdp.action.ci.report.MarkdownCut;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The job summary: markdown appended to the file at {@code GITHUB_STEP_SUMMARY}, kept under
 * GitHub's limit of 1 MiB per step (cut at a safe place with a notice when longer).
 */
public final class StepSummary {

  /** GitHub refuses a step summary above 1 MiB. */
  public static final int LIMIT_BYTES = 1024 * 1024;

  /** Room left for whatever other steps of the same job append. */
  static final int BUDGET_BYTES = LIMIT_BYTES - 16 * 1024;

  private StepSummary() {}

  public static void append(Path file, String markdown) throws IOException {
    String fitted =
        MarkdownCut.fit(
            markdown,
            BUDGET_BYTES,
            MarkdownCut.UTF8_BYTES,
            "**The report was cut here: a job summary holds at most 1 MiB.** The SARIF file and"
                + " the step's log have every finding.");
    Files.writeString(
        file,
        fitted.endsWith("\n") ? fitted : fitted + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
