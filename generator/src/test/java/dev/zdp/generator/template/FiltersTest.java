package dev.zdp.generator.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every filter keeps a hostile value data in the language it lands in. */
class FiltersTest {

  /** Values a model could hold: line ends, NUL, ESC, bidi overrides, non-BMP, lone surrogates. */
  static final List<String> HOSTILE =
      List.of(
          "eu-west-1\r",
          "a\u0000b",
          "x\n;DROP TABLE t;--",
          "\u001b[31mred",
          "tab\there",
          "\"quoted\" and 'single' and \\ back",
          "ends with backslash\\",
          "\u202Eevil\u2066",
          "line\u2028sep\u0085next",
          "emoji \uD83D\uDE00 and \uDB40\uDC01 tag",
          "lone \uD800 surrogate",
          "{{ 6 * 7 }} ${var.x} %{ if true }",
          "# coding: rot13",
          "\u007f\u0080\u009f");

  @TempDir Path dir;

  @Test
  void pythonLiteralsCompileAndReadBackAsTheSameValue() throws Exception {
    List<String> literals = new ArrayList<>();
    for (String value : HOSTILE) {
      literals.add(Filters.python(value));
    }
    Path source = dir.resolve("values.py");
    Files.writeString(
        source,
        "VALUES = [\n    " + String.join(",\n    ", literals) + ",\n]\n",
        StandardCharsets.UTF_8);
    Path expected = dir.resolve("expected.txt");
    // the expected values as code points, one line each: survives any character
    StringBuilder points = new StringBuilder();
    for (String value : HOSTILE) {
      points.append(String.join(" ", value.codePoints().mapToObj(Integer::toString).toList()));
      points.append('\n');
    }
    Files.writeString(expected, points.toString());
    String check =
        "import ast,sys\n"
            + "tree = ast.parse(open(sys.argv[1], encoding='utf-8').read())\n"
            + "values = ast.literal_eval(tree.body[0].value)\n"
            + "got = [' '.join(str(ord(c)) for c in v) for v in values]\n"
            + "want = open(sys.argv[2]).read().split('\\n')[:-1]\n"
            + "sys.exit(0 if got == want else 'differ: ' + repr(got) + ' vs ' + repr(want))\n";
    assertThat(run("python3", "-c", check, source.toString(), expected.toString())).isEqualTo("");
  }

  @Test
  void pythonLiteralsAreOneLineOfPrintableText() {
    for (String value : HOSTILE) {
      assertThat(Filters.python(value)).doesNotContain("\n", "\r", "\u0000", "\u001b", "\u202E");
    }
  }

  @Test
  void hclStringsAreOneLineAndEscapeTemplates() {
    for (String value : HOSTILE) {
      String literal = Filters.hcl(value);
      assertThat(literal).doesNotContain("\n", "\r", "\u0000", "\u001b", "\u202E", "\u2028");
      assertThat(literal).doesNotContainPattern("(?<![$%])[$%]\\{");
      // the only unescaped quotes are the two that delimit it
      assertThat(literal.substring(1, literal.length() - 1)).doesNotContainPattern("(?<!\\\\)\"");
    }
    assertThat(Filters.hcl("eu\r\u0000")).isEqualTo("\"eu\\r\\u0000\"");
  }

  @Test
  void commentsStayOnTheirLine() {
    for (String value : HOSTILE) {
      String text = Filters.comment(value);
      assertThat(text)
          .doesNotContain("\n", "\r", "\u0000", "\u001b", "\u202E", "\u2028", "\u0085")
          .doesNotEndWith("\\")
          .doesNotContain("coding:");
    }
    assertThat(Filters.comment("corpus\n;DROP TABLE x;--"))
        .isEqualTo("corpus\\u000A;DROP TABLE x;--");
    assertThat(Filters.comment(List.of("a", "b\nc"))).isEqualTo("a, b\\u000Ac");
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return output.strip();
  }
}
