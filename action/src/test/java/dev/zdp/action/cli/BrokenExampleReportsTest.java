package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code zdp validate --model examples/broken} in every format: each shows every finding the files
 * mark with {@code # expect <severity> [<rule>]}, at the marked line, and nothing else.
 */
class BrokenExampleReportsTest {

  private static final Path BROKEN = brokenExample();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPECT =
      Pattern.compile("#\\s*expect (error|warning) \\[([a-z0-9-]+)\\]");
  private static final Pattern TEXT_FINDING =
      Pattern.compile("^(.+):(\\d+):(\\d+): (error|warning) \\[([a-z0-9-]+)\\] ");
  private static final Pattern COMMAND =
      Pattern.compile("^::(error|warning|notice) ?([^:]*)::(.*)$");

  /** A finding as every format can show it: no column (GitLab has none). */
  record Finding(String file, int line, String severity, String rule) {}

  /** A finding with its column, for the formats that have one. */
  record Located(Finding finding, int column) {}

  private static Zdp validate(String format) {
    return Zdp.run("validate", "--model", BROKEN.toString(), "--format", format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "github", "gitlab"})
  void everyFormatShowsEveryExpectedFindingAtItsLine(String format) {
    Zdp zdp = validate(format);

    assertThat(zdp.exitCode()).as(zdp.err()).isEqualTo(1);
    assertThat(zdp.err()).isEmpty();
    assertThat(findings(format, zdp.out()))
        .as("findings in the %s report", format)
        .containsExactlyInAnyOrderElementsOf(expected());
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "sarif", "github"})
  void formatsWithColumnsShowTheTextFormatsColumns(String format) {
    List<Located> text = located("text", validate("text").out());

    assertThat(located(format, validate(format).out())).containsExactlyInAnyOrderElementsOf(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "github", "gitlab"})
  void twoRunsWriteTheSameBytes(String format) {
    assertThat(validate(format).out()).isEqualTo(validate(format).out());
  }

  @Test
  void theExampleHasEnoughFindingsToOverflowGithubsAnnotations() {
    assertThat(expected()).hasSizeGreaterThan(10);
    assertThat(validate("github").out().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("::notice::GitHub annotates at most 10 errors");
  }

  /** Every {@code # expect} comment of the example, as the finding it announces. */
  private static List<Finding> expected() {
    List<Finding> expected = new ArrayList<>();
    try (Stream<Path> files = Files.list(BROKEN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = EXPECT.matcher(lines.get(i));
          if (m.find()) {
            String name = BROKEN + "/" + file.getFileName();
            expected.add(new Finding(name, i + 1, m.group(1), m.group(2)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expected;
  }

  private static List<Finding> findings(String format, String out) {
    if (format.equals("gitlab")) {
      List<Finding> found = new ArrayList<>();
      for (JsonNode issue : read(out)) {
        String severity = issue.get("severity").asText().equals("major") ? "error" : "warning";
        JsonNode location = issue.get("location");
        found.add(
            new Finding(
                location.get("path").asText(),
                location.get("lines").get("begin").asInt(),
                severity,
                issue.get("check_name").asText()));
      }
      return found;
    }
    return located(format, out).stream().map(Located::finding).toList();
  }

  private static List<Located> located(String format, String out) {
    List<Located> found = new ArrayList<>();
    switch (format) {
      case "text" -> {
        for (String line : out.lines().toList()) {
          Matcher m = TEXT_FINDING.matcher(line);
          if (m.find()) {
            found.add(located(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
          }
        }
      }
      case "json" -> {
        for (JsonNode d : read(out).get("diagnostics")) {
          found.add(
              located(
                  d.get("file").asText(),
                  d.get("line").asText(),
                  d.get("column").asText(),
                  d.get("severity").asText(),
                  d.get("rule").asText()));
        }
      }
      case "sarif" -> {
        for (JsonNode result : read(out).get("runs").get(0).get("results")) {
          JsonNode physical = result.get("locations").get(0).get("physicalLocation");
          JsonNode artifact = physical.get("artifactLocation");
          assertThat(artifact.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
          found.add(
              located(
                  URI.create(artifact.get("uri").asText()).getPath(),
                  physical.get("region").get("startLine").asText(),
                  physical.get("region").get("startColumn").asText(),
                  result.get("level").asText(),
                  result.get("ruleId").asText()));
        }
      }
      case "github" -> {
        for (String line : out.lines().toList()) {
          Matcher m = COMMAND.matcher(line);
          if (m.matches() && !m.group(1).equals("notice")) {
            Map<String, String> properties = properties(m.group(2));
            String title = properties.get("title");
            found.add(
                located(
                    properties.get("file"),
                    properties.get("line"),
                    properties.get("col"),
                    m.group(1),
                    title.substring(1, title.indexOf(']'))));
          }
        }
      }
      default -> throw new IllegalArgumentException(format);
    }
    return found;
  }

  private static Located located(
      String file, String line, String column, String severity, String rule) {
    return new Located(
        new Finding(file, Integer.parseInt(line), severity, rule), Integer.parseInt(column));
  }

  /** Workflow command properties, unescaped as the runner does. */
  private static Map<String, String> properties(String written) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String property : written.split(",")) {
      int eq = property.indexOf('=');
      String value =
          property
              .substring(eq + 1)
              .replace("%0D", "\r")
              .replace("%0A", "\n")
              .replace("%3A", ":")
              .replace("%2C", ",")
              .replace("%25", "%");
      properties.put(property.substring(0, eq), value);
    }
    return properties;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** examples/broken, relative to where the tests run, as a user would type it. */
  private static Path brokenExample() {
    Path here = Path.of("").toAbsolutePath();
    Path dir = here;
    while (dir != null && !Files.isDirectory(dir.resolve("examples/broken"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no examples/broken above " + here);
    }
    return here.relativize(dir.resolve("examples/broken"));
  }
}
