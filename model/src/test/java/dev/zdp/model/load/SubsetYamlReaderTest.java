package dev.zdp.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.SourceLocation;
import dev.zdp.model.load.YamlNode.Entry;
import dev.zdp.model.load.YamlNode.ListNode;
import dev.zdp.model.load.YamlNode.MapNode;
import dev.zdp.model.load.YamlNode.ScalarNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The subset reader must give what SnakeYAML gives (node for node: shape, key order, text, type,
 * location) whenever it does not decline, and must decline whatever SnakeYAML reports a problem
 * for. Checked on every YAML file of the repository and on thousands of mutations of them.
 */
class SubsetYamlReaderTest {

  private static final Path ROOT = repositoryRoot();

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples/acme"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  /** Every YAML file of the repository's sources, examples and test fixtures. */
  private static List<Path> repositoryYaml() {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !ROOT.relativize(p).toString().contains("target/"))
          .filter(p -> !ROOT.relativize(p).startsWith(".git"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the subset reader gives, or empty when it declines. */
  private static Optional<String> subset(String text) {
    return SubsetYamlReader.read("m.yaml", text, new Interner()).map(SubsetYamlReaderTest::dump);
  }

  /** What SnakeYAML gives, and whether it reported any problem. */
  private record SnakeYaml(String dump, List<LoadProblem> problems) {}

  private static SnakeYaml snakeYaml(String text) {
    List<LoadProblem> problems = new ArrayList<>();
    List<YamlReader.Document> documents =
        new YamlReader().readWithSnakeYaml("m.yaml", text, problems);
    return new SnakeYaml(dump(documents), problems);
  }

  /**
   * Compares the two readers on one text; returns whether the subset reader read it. Fails when it
   * read it differently from SnakeYAML, or read a text SnakeYAML reports a problem in.
   */
  private static boolean readsAsSnakeYaml(String text) {
    Optional<String> subset = subset(text);
    if (subset.isEmpty()) {
      return false;
    }
    SnakeYaml expected = snakeYaml(text);
    assertThat(expected.problems())
        .as("SnakeYAML reports a problem in a text the subset reader read:%n%s", text)
        .isEmpty();
    assertThat(subset.get()).as("read from:%n%s", text).isEqualTo(expected.dump());
    return true;
  }

  @Test
  void everyYamlFileOfTheRepositoryReadsAsSnakeYamlReadsIt() {
    List<Path> files = repositoryYaml();
    int read = 0;
    for (Path file : files) {
      if (readsAsSnakeYaml(text(file))) {
        read++;
      }
    }
    assertThat(files).hasSizeGreaterThan(200);
    assertThat(read).as("files the subset reader read").isGreaterThan(files.size() * 3 / 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/acme", "sandbox/src/test/resources/e2e/model"})
  void theExampleModelsAreReadWithoutSnakeYaml(String model) throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT.resolve(model))) {
      List<Path> files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(files).isNotEmpty();
      for (Path file : files) {
        assertThat(readsAsSnakeYaml(text(file))).as("read %s", file).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: 1\nb: -12\nc: 0\nd: text\ne:\nf: ~\ng: null\nh: yes\ni: Off\nj: 'q'\nk: \"d\"\n",
        "# lead\n\nkind: Datastore   # trailing\nspec:\n  x: 1\n\n  # inside\n  y: 2\n",
        "list:\n- a\n- b\nnext: c\n",
        "list:\n  - a\n  -\n  - c\n",
        "items:\n  - name: id\n    type: bigint\n  - name: x\n    sub:\n      - 1\n      - 2\n",
        "- name: x\n  cols:\n  - a\n  - b\n- name: y\n",
        "cols:\n  - {name: id, type: bigint, nullable: false}\n  - {name: 'n', type: \"decimal(38,10)\"}\n",
        "tags: [pii, internal]\nempty: []\nnone: {}\nnested: {a: [1, 2], b: {c: d}}\n",
        "url: https://example.org/a#b\nhost: db-1.internal\nport: 5432\n",
        "q: 'it''s'\nd: \"a \\\"quoted\\\" \\\\ word\\n\\u00e9\"\n\"quoted key\": v\n'single key': w\n",
        "---\na: 1\n---\nb: 2\n",
        "---\n---\na: 1\n",
        "# only a comment\n",
        "",
        "  indented:\n    root: 1\n",
        "description: Ünïcödé text, with:colons, and #hashes\n",
        "key :  spaced\n",
      })
  void theSubsetReadsWhatSnakeYamlReads(String text) {
    SnakeYaml expected = snakeYaml(text);
    Optional<String> subset = subset(text);

    assertThat(expected.problems()).isEmpty();
    assertThat(subset).as("read:%n%s", text).contains(expected.dump());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: |\n  block\n",
        "a: >\n  folded\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a:\tb\n",
        "a: b\r\n",
        "a: multi\n  line\n",
        "a: 1.5\n",
        "a: 2026-01-01\n",
        "a: 0x1F\n",
        "a: 012\n",
        "a: 1_000\n",
        "a: 1\na: 2\n",
        "a: [1,\n  2]\n",
        "? a\n: b\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: b: c\n",
        "- - a\n",
        "a:\n  value on its own line\n",
        "a: 'open\n",
        "a: \"\\x41\"\n",
        "a: 1\n...\n",
      })
  void anythingElseIsLeftToSnakeYaml(String text) {
    assertThat(subset(text)).as("declined:%n%s", text).isEmpty();
  }

  private static final String[] INSERTIONS = {
    ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "'", "\"", "#", " #", "\n", "\n  ", "\n    ",
    "  ", " ", "---\n", "~", "null", "yes", "on", "1", "-1", "0", "01", "1.5", "1e3", "x", "a: b",
    "\\", "\\n", "''", "?", "&", "*", "!", "|", ">", "%", "@", "é", "\u00a0", "=", "<<", ".", "_",
  };

  @Test
  void mutationsOfRealFilesReadAsSnakeYamlReadsThemOrAreDeclined() {
    List<String> originals = repositoryYaml().stream().map(SubsetYamlReaderTest::text).toList();
    Random random = new Random(20261125L);
    int read = 0;
    int runs = 0;
    for (String original : originals) {
      for (int i = 0; i < 20; i++) {
        runs++;
        if (readsAsSnakeYaml(mutate(original, random))) {
          read++;
        }
      }
    }
    assertThat(runs).isGreaterThan(4000);
    assertThat(read).as("mutations the subset reader read and compared").isGreaterThan(runs / 5);
  }

  private static String mutate(String text, Random random) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(4)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, INSERTIONS[random.nextInt(INSERTIONS.length)]);
        case 2 -> {
          // re-indent a line by one or two spaces either way
          int start = b.lastIndexOf("\n", at) + 1;
          if (random.nextBoolean()) {
            b.insert(start, random.nextBoolean() ? " " : "  ");
          } else if (b.length() > start && b.charAt(start) == ' ') {
            b.deleteCharAt(start);
          }
        }
        default -> {
          int end = Math.min(b.length(), at + 1 + random.nextInt(12));
          b.delete(at, end);
        }
      }
    }
    return b.toString();
  }

  /** A canonical text of documents: index, shape, key order, text, type and every location. */
  private static String dump(List<YamlReader.Document> documents) {
    StringBuilder out = new StringBuilder();
    for (YamlReader.Document document : documents) {
      out.append("--- #").append(document.index()).append('\n');
      dump(document.root(), "", out);
    }
    return out.toString();
  }

  private static void dump(YamlNode node, String indent, StringBuilder out) {
    out.append(indent).append(where(node.at()));
    if (node instanceof MapNode map) {
      out.append(" map\n");
      for (Entry entry : map.entries().values()) {
        out.append(indent)
            .append("  key ")
            .append(where(entry.keyAt()))
            .append(' ')
            .append(entry.key())
            .append('\n');
        dump(entry.value(), indent + "    ", out);
      }
    } else if (node instanceof ListNode list) {
      out.append(" list\n");
      for (YamlNode item : list.items()) {
        dump(item, indent + "  ", out);
      }
    } else if (node instanceof ScalarNode scalar) {
      out.append(' ').append(scalar.type()).append(" [").append(scalar.text()).append("]\n");
    }
  }

  private static String where(SourceLocation at) {
    return at.line() + ":" + at.column();
  }
}
