package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile names and values, put one at a time into the fields of the example model that reach
 * generated files, through generate (which validates first), with the rules at their defaults and
 * with every rule that could be turned off turned off. Whatever the value: exit 0 or 1, never
 * "cannot run" or an internal error; every finding at a line; and when files are generated, the
 * Terraform passes {@code terraform fmt -check} (or parses with hcl4j), the DAG compiles, and the
 * value's marker {@value #MARKER} appears in Terraform, SQL and Python only inside strings, quoted
 * identifiers and comments: as data. A fixed seed picks the cases, so a failure reproduces.
 */
class HostileModelFuzzTest {

  static final String MARKER = "PWNED";

  /** Each value holds the marker where a broken escape would turn it into code. */
  static final List<String> VALUES =
      List.of(
          "x\nPWNED = 1",
          "x\r\nPWNED",
          "x\rPWNED",
          "x\u0000PWNED",
          "x'; DROP TABLE PWNED; --",
          "x`; DROP TABLE PWNED; --",
          "x\"; PWNED = 1 #",
          "x\" PWNED \"",
          "${PWNED}",
          "%{ if PWNED }",
          "{{ PWNED }}",
          "PWNED\\",
          "x\u2028PWNED",
          "\u202EPWNED",
          "x\u001b[31mPWNED",
          "x; touch /tmp/PWNED; #",
          "$(PWNED)",
          "x\n-- PWNED\n",
          "x\n*/ PWNED /*",
          "x\uD83D\uDE00PWNED",
          "x # coding: PWNED");

  /** Where a value goes: the file, the text it replaces, and how it is written there. */
  record Field(String file, String from, String to) {
    String with(String yaml) {
      return to.replace("@", yaml);
    }
  }

  static final List<Field> FIELDS =
      List.of(
          new Field("ecosystem.yaml", "\"s3://acme-lake/warehouse\"", "@"),
          new Field("ecosystem.yaml", "region: eu-west-1", "region: @"),
          new Field("ecosystem.yaml", "\"https://iceberg.acme.internal/catalog\"", "@"),
          new Field("ecosystem.yaml", "\"https://connect.acme.internal:8083\"", "@"),
          new Field(
              "ecosystem.yaml", "\"kafka-1.acme.internal:9093,kafka-2.acme.internal:9093\"", "@"),
          new Field("ecosystem.yaml", "stagingNamespace: staging", "stagingNamespace: @"),
          new Field("ecosystem.yaml", "corpusNamespace: corpus", "corpusNamespace: @"),
          new Field("teams/customer_team/crm.yaml", "host: crm-db.acme.internal", "host: @"),
          new Field("teams/customer_team/crm.yaml", "database: crm\n", "database: @\n"),
          new Field(
              "teams/customer_team/crm.yaml",
              "{name: full_name, type: text}",
              "{name: @, type: text}"),
          new Field("workspaces/churn.yaml", "  name: churn\n", "  name: @\n"),
          new Field("workspaces/churn.yaml", "- name: customer_signals", "- name: @"));

  static final String RULES_OFF =
      "  rules:\n"
          + "    name-format: off\n"
          + "    platform-endpoint: off\n"
          + "    capture-format: off\n"
          + "    zero-topic-name: off\n"
          + "    zero-name-collision: off\n";

  private static final Pattern LOCATED =
      Pattern.compile("^(model|\\S[^:]*\\.yaml:\\d+:\\d+): (error|warning) \\[[a-z-]+\\] .*");

  @TempDir Path temp;

  @Test
  void hostileValuesNeverBreakOutOfTheirQuotes() throws Exception {
    Random random = new Random(14);
    Path clean = temp.resolve("clean");
    Acme.copyTo(clean);
    int cases = 24;
    List<String> generated = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      String value = VALUES.get(i < VALUES.size() ? i : random.nextInt(VALUES.size()));
      Field field = FIELDS.get(random.nextInt(FIELDS.size()));
      boolean rulesOff = random.nextBoolean();
      String label =
          "case "
              + i
              + ": "
              + field.from().strip()
              + " = "
              + escapeJava(value)
              + (rulesOff ? " (rules off)" : "");
      Path model = temp.resolve("m" + i);
      copy(clean, model);
      Path file = model.resolve(field.file());
      String text = Files.readString(file);
      assertThat(text).as(label).contains(field.from());
      text = text.replace(field.from(), field.with(yamlQuoted(value)));
      Files.writeString(file, text);
      if (rulesOff) {
        Path ecosystem = model.resolve("ecosystem.yaml");
        Files.writeString(
            ecosystem, Files.readString(ecosystem).replace("  # rules:\n", RULES_OFF));
      }

      Path out = temp.resolve("outs").resolve("out" + i);
      Zdp generate = Zdp.run("generate", "--model", model.toString(), "--out", out.toString());
      assertThat(generate.exitCode()).as(label + "\n" + generate.err()).isIn(0, 1);
      assertThat(generate.err()).as(label).doesNotContain("internal error", "Exception");
      // generate validates first: every finding it reports is at a line of a model file
      for (String line : generate.errLines()) {
        if (line.contains(" error [") || line.contains(" warning [")) {
          assertThat(line).as(label).matches(LOCATED);
        }
      }
      if (generate.exitCode() == 1) {
        assertThat(out).as(label).doesNotExist();
        continue;
      }
      generated.add(label);
      checkGenerated(label, out);
    }
    // the campaign reaches the generated files, not only the validator
    assertThat(generated).hasSizeGreaterThan(5);
    // one process each for every case's files: Python compiles, Terraform is as fmt writes it
    Path outs = temp.resolve("outs");
    List<String> dags = new ArrayList<>();
    try (var files = Files.walk(outs)) {
      files.filter(f -> f.toString().endsWith(".py")).forEach(f -> dags.add(f.toString()));
    }
    assertThat(dags).hasSameSizeAs(generated);
    List<String> python = new ArrayList<>(List.of("python3", "-c", COMPILES));
    python.addAll(dags);
    assertThat(run(outs, python.toArray(String[]::new)))
        .as(String.join("\n", generated))
        .isEqualTo("");
    Path terraform = Path.of("/usr/local/bin/terraform");
    if (Files.isExecutable(terraform)) {
      assertThat(run(outs, terraform.toString(), "fmt", "-check", "-recursive", "-no-color", "."))
          .as(String.join("\n", generated))
          .isEqualTo("");
    }
  }

  private static final String COMPILES =
      "import ast,sys\n"
          + "for f in sys.argv[1:]:\n"
          + "    try:\n"
          + "        ast.parse(open(f, encoding='utf-8').read())\n"
          + "    except SyntaxError as e:\n"
          + "        print(f, e)\n";

  private static void checkGenerated(String label, Path out) throws Exception {
    SortedMap<String, byte[]> tree = Acme.tree(out);
    for (Map.Entry<String, byte[]> entry : tree.entrySet()) {
      String path = entry.getKey();
      String text = new String(entry.getValue(), StandardCharsets.UTF_8);
      String as = label + " in " + path;
      if (path.endsWith(".tf")) {
        assertThat(outsideQuotes(text, "#", '"', '"')).as(as).doesNotContain(MARKER);
      } else if (path.endsWith(".sql")) {
        assertThat(outsideQuotes(text, "--", '`', '\'')).as(as).doesNotContain(MARKER);
      } else if (path.endsWith(".py")) {
        assertThat(outsideQuotes(text, "#", '"', '\'')).as(as).doesNotContain(MARKER);
      }
    }
    if (!Files.isExecutable(Path.of("/usr/local/bin/terraform"))) {
      for (Map.Entry<String, byte[]> entry : tree.entrySet()) {
        if (entry.getKey().endsWith(".tf")) {
          new com.bertramlabs.plugins.hcl4j.HCLParser()
              .parse(new String(entry.getValue(), StandardCharsets.UTF_8));
        }
      }
    }
  }

  /**
   * The text outside line comments and quoted strings or identifiers (a backslash escapes in
   * strings, a doubled quote in identifiers): where code is.
   */
  static String outsideQuotes(String text, String comment, char identifier, char string) {
    StringBuilder code = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith(comment, i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else if (c == '"' || c == identifier || c == string) {
        int j = i + 1;
        while (j < text.length()) {
          char d = text.charAt(j);
          if (d == '\\' && c != '`') {
            j += 2;
            continue;
          }
          if (d == c) {
            if (c == '`' && j + 1 < text.length() && text.charAt(j + 1) == '`') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        i = j + 1;
        code.append(' ');
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }

  /** {@code value} as a double-quoted YAML scalar: every non-printable character escaped. */
  static String yamlQuoted(String value) {
    StringBuilder out = new StringBuilder("\"");
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || c == 0x202E) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  private static String escapeJava(String value) {
    StringBuilder out = new StringBuilder();
    value
        .chars()
        .forEach(
            c ->
                out.append(
                    c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      files.forEach(
          source -> {
            try {
              Path target = to.resolve(from.relativize(source).toString());
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private static String run(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    // terraform warns on stderr about a missing CLI configuration: not about the files
    return output
        .lines()
        .filter(
            l ->
                !l.isBlank()
                    && !l.matches(
                        "^[│╷╵].*|.*CLI configuration.*|There are some problems with the CLI configuration:"))
        .reduce("", (a, b) -> a + b + "\n")
        .strip();
  }
}
