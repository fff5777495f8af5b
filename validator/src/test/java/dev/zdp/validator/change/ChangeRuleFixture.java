package dev.zdp.validator.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.RepositoryRef;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.SourceFile;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.RuleFixture.Mark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one change rule over a fixture change and compares what it reports with the fixture's
 * markers, as {@link dev.zdp.validator.rules.RuleFixture} does for single-model rules.
 *
 * <p>A fixture is a directory {@code src/test/resources/change-rules/<rule-id>/<scenario>/} with a
 * {@code head/} and, optionally, a {@code base/} directory: each holds the model files that differ
 * from the shared live model {@code change-rules/acme/} on that side. A line where the rule must
 * report ends in {@code # expect: <rule-id>} (an error) or {@code # expect-warning: <rule-id>}: in
 * a head file for what the change adds or alters, in a base file for what it removes; a finding
 * about the change as a whole (no line) is {@code # expect-model: <rule-id>}, on any line. Files
 * are loaded under {@code base/} and {@code head/}, so a finding's file says which side it points
 * at.
 *
 * <p>Two optional files of the scenario directory shape the change itself: {@code source}, one line
 * naming the repository the change comes from ({@code acme/sales@main}, what {@code --source}
 * gives; without it the change has none and the ownership rules are silent), and {@code
 * first-model}, whose presence makes the base empty: the change proposes the first model.
 */
final class ChangeRuleFixture {

  private static final Pattern MARKER =
      Pattern.compile("#\\s*expect(-warning|-model)?:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");

  private final String name;
  private final List<SourceFile> files;
  private final List<Diagnostic> diagnostics;

  private ChangeRuleFixture(String name, List<SourceFile> files, List<Diagnostic> diagnostics) {
    this.name = name;
    this.files = files;
    this.diagnostics = diagnostics;
  }

  /** Loads {@code change-rules/<rule id>/<scenario>/} and runs only {@code rule} over it. */
  static ChangeRuleFixture run(ChangeRule rule, String scenario) {
    String directory = "change-rules/" + rule.id() + "/" + scenario;
    boolean firstModel = resource(directory + "/first-model").isPresent();
    List<SourceFile> base = firstModel ? List.of() : side(directory, "base");
    List<SourceFile> head = side(directory, "head");
    LoadResult before = ModelLoader.load(base);
    LoadResult after = ModelLoader.load(head);
    assertThat(before.problems()).as("load problems in %s/base", directory).isEmpty();
    assertThat(after.problems()).as("load problems in %s/head", directory).isEmpty();
    Optional<RepositoryRef> source =
        resource(directory + "/source")
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8).strip())
            .map(text -> RepositoryRef.parse(text).orElseThrow());
    ModelChange change = new ModelChange(before.model(), after.model(), source);
    List<Diagnostic> found =
        new ChangeValidator(RuleRegistry.builtIn(), new ChangeRuleRegistry(List.of(rule)))
            .check(change, false);
    List<SourceFile> all = new ArrayList<>(base);
    all.addAll(head);
    return new ChangeRuleFixture(directory, all, found);
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The rule reports exactly the marked lines, each once. */
  ChangeRuleFixture assertMatchesMarkers() {
    String listing =
        diagnostics.stream()
            .map(d -> "  " + d.location().map(Object::toString).orElse("(model)") + " " + d)
            .collect(Collectors.joining("\n"));
    assertThat(actual())
        .as("findings in %s (marked lines) — the rule reported:%n%s", name, listing)
        .containsExactlyElementsOf(expected());
    assertThat(diagnostics).as("each marked finding once in %s", name).hasSize(expected().size());
    return this;
  }

  /** The fixture carries no markers, and the rule reports nothing. */
  ChangeRuleFixture assertNoFindings() {
    assertThat(expected()).as("markers in the valid fixture %s", name).isEmpty();
    return assertMatchesMarkers();
  }

  private Set<Mark> expected() {
    Set<Mark> marks = new TreeSet<>();
    for (SourceFile file : files) {
      String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        Matcher matcher = MARKER.matcher(lines[i]);
        while (matcher.find()) {
          String variant = matcher.group(1) == null ? "" : matcher.group(1);
          Severity severity = variant.equals("-warning") ? Severity.WARNING : Severity.ERROR;
          for (String rule : matcher.group(2).split("\\s*,\\s*")) {
            marks.add(
                variant.equals("-model")
                    ? new Mark(Mark.MODEL, 0, rule, severity)
                    : new Mark(file.path(), i + 1, rule, severity));
          }
        }
      }
    }
    return marks;
  }

  private Set<Mark> actual() {
    return diagnostics.stream()
        .map(
            d ->
                d.location()
                    .map(l -> new Mark(l.file(), l.line(), d.rule(), d.severity()))
                    .orElse(new Mark(Mark.MODEL, 0, d.rule(), d.severity())))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The shared live model with the scenario's files of {@code side} in place, under side/. */
  private static List<SourceFile> side(String directory, String side) {
    TreeMap<String, byte[]> files = new TreeMap<>(read("change-rules/acme"));
    files.putAll(read(directory + "/" + side));
    List<SourceFile> result = new ArrayList<>();
    files.forEach((path, bytes) -> result.add(new SourceFile(side + "/" + path, bytes)));
    return result;
  }

  /** The bytes of one file of the test resources, if it exists. */
  private static Optional<byte[]> resource(String name) {
    try (var in = ChangeRuleFixture.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TreeMap<String, byte[]> read(String name) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    URL url = ChangeRuleFixture.class.getClassLoader().getResource(name);
    if (url == null) {
      return files;
    }
    try {
      Path root = Path.of(url.toURI());
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
          files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
