package dev.zdp.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.SourceFile;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeRuleRegistry;
import dev.zdp.validator.change.ChangeValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one rule over one fixture model and compares what it reports with what the fixture expects.
 *
 * <p>A fixture is a directory {@code src/test/resources/rules/<rule-id>/<scenario>/} of model
 * files. A line where the rule must report ends in a marker comment:
 *
 * <ul>
 *   <li>{@code # expect: <rule-id>}: an error on this line;
 *   <li>{@code # expect-warning: <rule-id>}: a warning on this line;
 *   <li>{@code # expect-model: <rule-id>}: an error about the model as a whole (no line), which may
 *       be written on any line.
 * </ul>
 *
 * Several ids may be given, separated by commas. {@link #assertMatchesMarkers()} checks that the
 * rule reports exactly the marked lines: it fires where expected, and nowhere else.
 */
public final class RuleFixture {

  /** One expected or actual finding, by where it is and which rule at which severity. */
  public record Mark(String file, int line, String rule, Severity severity)
      implements Comparable<Mark> {

    public static final String MODEL = "(model)";

    @Override
    public int compareTo(Mark other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return String.format("%s:%04d %s %s", file, line, severity.label(), rule);
    }
  }

  private static final Pattern MARKER =
      Pattern.compile("#\\s*expect(-warning|-model)?:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");

  private final String name;
  private final List<SourceFile> files;
  private final LoadResult loaded;
  private final Report report;

  private RuleFixture(String name, List<SourceFile> files, LoadResult loaded, Report report) {
    this.name = name;
    this.files = files;
    this.loaded = loaded;
    this.report = report;
  }

  /** Loads {@code rules/<rule id>/<scenario>/} and runs only {@code rule} over it. */
  public static RuleFixture run(Rule rule, String scenario) {
    return run(new RuleRegistry(List.of(rule)), "rules/" + rule.id() + "/" + scenario);
  }

  /** Loads the test resource directory {@code directory} and runs every rule of {@code rules}. */
  public static RuleFixture run(RuleRegistry rules, String directory) {
    List<SourceFile> files = read(directory);
    LoadResult loaded = ModelLoader.load(files);
    Report report = new ChangeValidator(rules, ChangeRuleRegistry.builtIn()).validate(loaded);
    return new RuleFixture(directory, files, loaded, report);
  }

  public Report report() {
    return report;
  }

  public List<Diagnostic> diagnostics() {
    return report.diagnostics();
  }

  public List<String> messages() {
    return diagnostics().stream().map(Diagnostic::message).toList();
  }

  public List<String> hints() {
    return diagnostics().stream().map(Diagnostic::hint).toList();
  }

  /** The findings the markers in the fixture's files ask for. */
  public Set<Mark> expected() {
    Set<Mark> marks = new TreeSet<>();
    for (SourceFile file : files) {
      String[] lines =
          new String(file.content(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        Matcher matcher = MARKER.matcher(lines[i]);
        while (matcher.find()) {
          String variant = matcher.group(1) == null ? "" : matcher.group(1);
          for (String rule : matcher.group(2).split("\\s*,\\s*")) {
            marks.add(
                variant.equals("-model")
                    ? new Mark(Mark.MODEL, 0, rule, Severity.ERROR)
                    : new Mark(
                        file.path(),
                        i + 1,
                        rule,
                        variant.equals("-warning") ? Severity.WARNING : Severity.ERROR));
          }
        }
      }
    }
    return marks;
  }

  /** What the rule reported, as marks. */
  public Set<Mark> actual() {
    return diagnostics().stream()
        .map(
            d ->
                d.location()
                    .map(l -> new Mark(l.file(), l.line(), d.rule(), d.severity()))
                    .orElse(new Mark(Mark.MODEL, 0, d.rule(), d.severity())))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The fixture loads without problems, and the rule reports exactly the marked lines, each once.
   */
  public RuleFixture assertMatchesMarkers() {
    assertThat(loaded.problems()).as("load problems in fixture %s", name).isEmpty();
    assertThat(actual())
        .as("findings in %s (marked lines) — the rule reported:%n%s", name, listing())
        .containsExactlyElementsOf(expected());
    assertThat(diagnostics())
        .as("each marked finding is reported once in %s:%n%s", name, listing())
        .hasSize(expected().size());
    return this;
  }

  /** The fixture loads without problems, carries no markers, and the rule reports nothing. */
  public RuleFixture assertNoFindings() {
    assertThat(expected()).as("markers in the valid fixture %s", name).isEmpty();
    return assertMatchesMarkers();
  }

  private String listing() {
    return diagnostics().stream()
        .map(
            d ->
                "  "
                    + d.location().map(Object::toString).orElse(Mark.MODEL)
                    + " "
                    + d.severity().label()
                    + " ["
                    + d.rule()
                    + "] "
                    + d.message()
                    + " — "
                    + d.hint())
        .collect(Collectors.joining("\n"));
  }

  private static List<SourceFile> read(String name) {
    URL url = RuleFixture.class.getClassLoader().getResource(name);
    assertThat(url).as("fixture directory %s on the test classpath", name).isNotNull();
    try {
      Path root = Path.of(url.toURI());
      List<SourceFile> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
          String relative = root.relativize(path).toString().replace('\\', '/');
          files.add(new SourceFile(relative, Files.readAllBytes(path)));
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
