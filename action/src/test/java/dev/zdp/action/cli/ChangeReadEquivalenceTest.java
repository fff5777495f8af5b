package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.action.engine.ModelAtCommit;
import dev.zdp.generator.plan.Plan;
import dev.zdp.generator.plan.Planner;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.change.ChangeValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request's two sides read together ({@link ModelAtCommit.Change}: a blob both commits hold
 * is read and bound once) give exactly what reading each commit on its own gives: the same
 * diagnostics at the same files and lines, the same rendered files and the same plan, on randomised
 * changes of the example model (lines edited, duplicated, removed; files removed, moved, copied).
 */
class ChangeReadEquivalenceTest {

  @TempDir Path repo;

  @Test
  void sharedReadsGiveWhatSeparateReadsGive() throws IOException, ModelSourceException {
    Acme.copyTo(repo);
    String base = Acme.commit(repo, "live model");
    Random random = new Random(19);
    for (int change = 0; change < 25; change++) {
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        mutate(random);
      }
      String head = Acme.commit(repo, "change " + change);

      ModelAtCommit.Change together = ModelAtCommit.Change.read(repo, base, head);
      ModelAtCommit alone = ModelAtCommit.read(repo, head);
      ModelAtCommit baseAlone = ModelAtCommit.read(repo, base);

      assertThat(diagnostics(together.base(), together.head()))
          .as("diagnostics of change %d", change)
          .isEqualTo(diagnostics(baseAlone, alone));
      assertThat(together.head().model().datastores()).isEqualTo(alone.model().datastores());
      assertThat(together.head().model().workspaces()).isEqualTo(alone.model().workspaces());
      assertThat(plan(together.base(), together.head(), base))
          .as("plan of change %d", change)
          .isEqualTo(plan(baseAlone, alone, base));
      base = head;
    }
  }

  /** Every diagnostic with its rule, severity, message, file, line and column. */
  private static List<String> diagnostics(ModelAtCommit base, ModelAtCommit head) {
    return ChangeValidator.builtIn()
        .validate(base.loaded(), head.loaded(), RepositoryRef.parse("acme/platform@main"), false)
        .diagnostics()
        .stream()
        .map(Diagnostic::toString)
        .toList();
  }

  /** The plan and both sides' rendered files, or why the head cannot be rendered. */
  private static String plan(ModelAtCommit base, ModelAtCommit head, String templates) {
    try {
      SortedMap<String, byte[]> before = base.render(Optional.empty(), templates);
      SortedMap<String, byte[]> after = head.render(Optional.empty(), templates);
      Plan plan = Planner.diff(before, after, base.graph(), head.graph());
      return plan + "\n" + texts(before) + "\n" + texts(after);
    } catch (RuntimeException e) {
      return "cannot render: " + e.getMessage();
    }
  }

  private static Map<String, String> texts(SortedMap<String, byte[]> files) {
    Map<String, String> texts = new TreeMap<>();
    files.forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return texts;
  }

  /** One random edit of the model files in the work tree. */
  private void mutate(Random random) throws IOException {
    List<Path> files = modelFiles();
    Path file = files.get(random.nextInt(files.size()));
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    int line = lines.isEmpty() ? 0 : random.nextInt(lines.size());
    switch (random.nextInt(7)) {
      case 0 -> lines.add(line, lines.isEmpty() ? "x: 1" : lines.get(line)); // duplicated
      case 1 -> {
        if (!lines.isEmpty()) {
          lines.remove(line);
        }
      }
      case 2 -> {
        if (!lines.isEmpty()) {
          lines.set(line, lines.get(line).replaceFirst("[a-z]+", "renamed"));
        }
      }
      case 3 -> {
        if (files.size() > 5) {
          Files.delete(file);
        }
        return;
      }
      case 4 -> {
        Path moved = file.resolveSibling("moved_" + file.getFileName());
        if (!Files.exists(moved)) {
          Files.move(file, moved);
        }
        return;
      }
      case 5 -> {
        Path copy = file.resolveSibling("copy_" + file.getFileName());
        if (!Files.exists(copy)) {
          Files.copy(file, copy);
        }
        return;
      }
      default -> lines.add(line, "  # a comment moves every line below it");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private List<Path> modelFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(repo)) {
      return walk.filter(p -> !p.startsWith(repo.resolve(".git")))
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }
}
