package dev.zdp.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds hundreds of truncated and mutated versions of a valid model to the loader: each must end in
 * a result (problems at real lines of the file, or a model), never an exception.
 */
class LoaderFuzzTest {

  private static final String[] INSERTIONS = {
    ":", "- ", "[", "]", "{", "}", "\t", "'", "\"", "&a ", "*a", "? ", "---\n", "\n  ", "#", "!!",
    "%", "@", "`", "|", ">", "null", "~", "123", "-1", "1e99", "true", ",", "\u00e9", "\\"
  };

  @Test
  void truncatedFilesEndInDiagnosticsNeverExceptions() throws IOException {
    String valid = ModelLoaderTest.resource("valid.yaml");
    int checked = 0;
    for (int cut = 0; cut < valid.length(); cut += 7) {
      assertLoadsCleanlyOrReports(valid.substring(0, cut));
      checked++;
    }
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void mutatedFilesEndInDiagnosticsNeverExceptions() throws IOException {
    String valid = ModelLoaderTest.resource("valid.yaml");
    Random random = new Random(20261125L);
    int withProblems = 0;
    int runs = 600;
    for (int i = 0; i < runs; i++) {
      String mutated = mutate(valid, random, 1 + random.nextInt(3));
      if (!assertLoadsCleanlyOrReports(mutated).problems().isEmpty()) {
        withProblems++;
      }
    }
    assertThat(withProblems).as("most mutations break something").isGreaterThan(runs / 3);
  }

  @Test
  void everyLineSwapAndDeletionIsHandled() throws IOException {
    String valid = ModelLoaderTest.resource("valid.yaml");
    List<String> lines = valid.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      List<String> without = new ArrayList<>(lines);
      without.remove(i);
      assertLoadsCleanlyOrReports(String.join("\n", without));
      if (i + 1 < lines.size()) {
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(i, lines.get(i + 1));
        swapped.set(i + 1, lines.get(i));
        assertLoadsCleanlyOrReports(String.join("\n", swapped));
      }
    }
  }

  private static String mutate(String text, Random random, int edits) {
    StringBuilder b = new StringBuilder(text);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, INSERTIONS[random.nextInt(INSERTIONS.length)]);
        default -> {
          int end = Math.min(b.length(), at + 1 + random.nextInt(20));
          b.delete(at, end);
        }
      }
    }
    return b.toString();
  }

  private static LoadResult assertLoadsCleanlyOrReports(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    LoadResult result = ModelLoader.load(List.of(new SourceFile("m.yaml", bytes)));
    long lineCount = text.lines().count() + 1;
    for (LoadProblem problem : result.problems()) {
      assertThat(problem.location().file()).isEqualTo("m.yaml");
      assertThat((long) problem.location().line())
          .as("line of %s in:%n%s", problem, text)
          .isBetween(1L, lineCount + 1);
      assertThat(problem.message()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
    }
    return result;
  }
}
