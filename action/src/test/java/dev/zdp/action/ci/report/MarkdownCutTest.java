package dev.zdp.action.ci.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cutting markdown to a limit without leaving a fence or a details block open. */
class MarkdownCutTest {

  private static final String POINTER = "**cut: see the job summary**";

  private static String lines(String prefix, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(prefix).append(i).append('\n');
    }
    return out.toString();
  }

  @Test
  void textThatFitsIsLeftAlone() {
    String text = "## zdp passed\n\nno problems\n";

    assertThat(MarkdownCut.fit(text, 100, MarkdownCut.CHARACTERS, POINTER)).isEqualTo(text);
  }

  @Test
  void aCutNeverFallsInsideACodeFence() {
    String text =
        "intro\n\n```mermaid\n" + lines("  a --> b", 200) + "```\n\n" + lines("- more ", 50);

    String cut = MarkdownCut.fit(text, 1_000, MarkdownCut.CHARACTERS, POINTER);

    assertThat(cut.length()).isLessThanOrEqualTo(1_000);
    assertThat(cut).isEqualTo("intro\n\n\n" + POINTER + "\n");
  }

  @Test
  void openDetailsAreClosedBeforeThePointer() {
    String text =
        "## report\n\n<details><summary>Details</summary>\n\n"
            + lines("- change ", 500)
            + "\n</details>\n";

    String cut = MarkdownCut.fit(text, 2_000, MarkdownCut.CHARACTERS, POINTER);

    assertThat(cut.length()).isLessThanOrEqualTo(2_000);
    assertThat(cut).contains("- change 10\n").doesNotContain("- change 499");
    assertThat(cut).endsWith("</details>\n\n" + POINTER + "\n");
    assertThat(cut.indexOf("</details>")).isGreaterThan(cut.lastIndexOf("- change"));
  }

  @Test
  void bytesAreCountedAsUtf8WhenAskedTo() {
    String text = lines("→ ünïcödé ", 1_000);

    String cut = MarkdownCut.fit(text, 4_096, MarkdownCut.UTF8_BYTES, POINTER);

    assertThat(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(4_096)
        .isGreaterThan(3_500);
    assertThat(cut).endsWith(POINTER + "\n");
  }
}
