package dev.zdp.generator.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {

  @TempDir Path templates;

  private String renderUser(String text, Map<String, ?> variables) throws IOException {
    Files.createDirectories(templates.resolve("zero"));
    Files.writeString(templates.resolve("zero/t.j2"), text);
    return new TemplateEngine(Optional.of(templates)).render("zero/t.j2", variables);
  }

  private static Map<String, Object> datasets() {
    return Map.of(
        "datasets",
        List.of(StrictMap.of("name", "customers"), StrictMap.of("name", "orders")),
        "platform",
        StrictMap.of("name", "zero"));
  }

  @Test
  void aValueThatLooksLikeATemplateIsWrittenAsItIs() throws IOException {
    // a model's description is text, never a template: "{{ 6 * 7 }}" must not become "42"
    String rendered =
        renderUser(
            "-- {{ description }}\n{% for d in datasets %}{{ d.name }} {% endfor %}\n",
            Map.of(
                "description",
                "costs {{ 6 * 7 }} {% if true %}x{% endif %}",
                "datasets",
                List.of(StrictMap.of("name", "a{{ 1 }}"))));

    assertThat(rendered).isEqualTo("-- costs {{ 6 * 7 }} {% if true %}x{% endif %}\na{{ 1 }} \n");
  }

  @Test
  void unknownVariableInAnExpressionNamesTemplateAndLine() {
    assertThatThrownBy(() -> renderUser("line 1\n{{ platfrom.name }}\n", datasets()))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "template zero/t.j2 line 2: unknown variable 'platfrom' (did you mean 'platform'?)");
  }

  @Test
  void unknownVariableInAnIfIsCaught() {
    assertThatThrownBy(() -> renderUser("a\nb\n{% if tls %}\nyes\n{% endif %}\n", datasets()))
        .isInstanceOf(TemplateException.class)
        .satisfies(e -> assertThat(((TemplateException) e).line()).isEqualTo(3))
        .hasMessageContaining("unknown variable 'tls'");
  }

  @Test
  void unknownVariableAsTheIterableOfAForIsCaught() {
    assertThatThrownBy(
            () -> renderUser("{% for d in datasetz %}\n{{ d }}\n{% endfor %}\n", datasets()))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "template zero/t.j2 line 1: unknown variable 'datasetz' (did you mean 'datasets'?)");
  }

  @Test
  void unknownFieldInsideAForAndAnIfIsCaughtAtItsLine() {
    String text =
        "header\n"
            + "{% for d in datasets %}\n"
            + "  {{ d.name }}\n"
            + "  {% if d.forensic %}\n"
            + "  history\n"
            + "  {% endif %}\n"
            + "{% endfor %}\n";
    assertThatThrownBy(() -> renderUser(text, datasets()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template zero/t.j2 line 4: unknown field 'forensic'");
  }

  @Test
  void unknownFieldInAnExpressionSuggestsTheNearestField() {
    assertThatThrownBy(() -> renderUser("x\ny\n{{ platform.nmae }}\n", datasets()))
        .hasMessage("template zero/t.j2 line 3: unknown field 'nmae' (did you mean 'name'?)");
  }

  @Test
  void lineNumbersStayRightAfterManyBlockTags() {
    String text =
        "{% for d in datasets %}\n"
            + "{% if d.name %}\n"
            + "{{ d.name }}\n"
            + "{% endif %}\n"
            + "{% endfor %}\n"
            + "{% for d in datasets %}\n"
            + "{% endfor %}\n"
            + "{{ missing }}\n";
    assertThatThrownBy(() -> renderUser(text, datasets()))
        .satisfies(e -> assertThat(((TemplateException) e).line()).isEqualTo(8));
  }

  @Test
  void lineHoldingOnlyABlockTagLeavesNoBlankLine() throws IOException {
    String text =
        "start\n{% for d in datasets %}\n  {% if d.name %}\n  - {{ d.name }}\n  {% endif %}\n{% endfor %}\nend\n";
    assertThat(renderUser(text, datasets())).isEqualTo("start\n  - customers\n  - orders\nend\n");
  }

  @Test
  void knownNamesLoopVariablesSetAndMacrosAreFine() throws IOException {
    String text =
        "{% set n = datasets|length %}{% macro q(x) %}'{{ x }}'{% endmacro %}"
            + "{% for d in datasets %}{{ loop.index }}/{{ n }} {{ q(d.name) }}{{ d.name|hcl }}\n{% endfor %}";
    assertThat(renderUser(text, datasets()))
        .isEqualTo("1/2 'customers'\"customers\"\n2/2 'orders'\"orders\"\n");
  }

  @Test
  void everyRenderOfATemplateSeesItsOwnValuesAndReportsItsOwnMistakes() throws IOException {
    Files.createDirectories(templates.resolve("zero"));
    Files.writeString(
        templates.resolve("zero/t.j2"),
        "{% macro q(x) %}'{{ x }}'{% endmacro %}"
            + "{% for d in datasets %}{{ d.name|sql_ident }} {{ q(d.name) }}\n{% endfor %}"
            + "{{ platform.name }}\n");
    TemplateEngine engine = new TemplateEngine(Optional.of(templates));

    assertThat(engine.render("zero/t.j2", datasets()))
        .isEqualTo("`customers` 'customers'\n`orders` 'orders'\nzero\n");
    assertThat(
            engine.render(
                "zero/t.j2",
                Map.of(
                    "datasets", List.of(StrictMap.of("name", "x")),
                    "platform", StrictMap.of("name", "one"))))
        .isEqualTo("`x` 'x'\none\n");
    assertThatThrownBy(
            () ->
                engine.render(
                    "zero/t.j2",
                    Map.of(
                        "datasets", List.of(StrictMap.of("nom", "x")),
                        "platform", StrictMap.of("name", "one"))))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template zero/t.j2 line 1: unknown field 'name'");
    assertThat(engine.render("zero/t.j2", datasets())).startsWith("`customers` 'customers'\n");
  }

  @Test
  void includedAndImportedTemplatesRenderWithEachRendersValues() throws IOException {
    Files.createDirectories(templates.resolve("zero"));
    Files.writeString(templates.resolve("zero/part.j2"), "[{{ d.name|sql_ident }}]");
    Files.writeString(
        templates.resolve("zero/macros.j2"), "{% macro q(x) %}'{{ x }}'{% endmacro %}");
    Files.writeString(
        templates.resolve("zero/t.j2"),
        "{% import \"zero/macros.j2\" as m %}{% for d in datasets %}"
            + "{% include \"zero/part.j2\" %}{{ m.q(d.name) }} {% endfor %}");
    TemplateEngine engine = new TemplateEngine(Optional.of(templates));

    assertThat(engine.render("zero/t.j2", datasets()))
        .isEqualTo("[`customers`]'customers' [`orders`]'orders' ");
    assertThat(engine.render("zero/t.j2", Map.of("datasets", List.of(StrictMap.of("name", "x")))))
        .isEqualTo("[`x`]'x' ");
  }

  @Test
  void aUserTemplateOverridesTheBuiltInOneByName() throws IOException {
    Files.createDirectories(templates.resolve("zero"));
    Files.writeString(templates.resolve("zero/versions.tf.j2"), "# mine {{ platform.name }}\n");

    TemplateEngine engine = new TemplateEngine(Optional.of(templates));

    assertThat(engine.overridden("zero/versions.tf.j2")).isTrue();
    assertThat(engine.overridden("zero/variables.tf.j2")).isFalse();
    assertThat(engine.render("zero/versions.tf.j2", datasets())).isEqualTo("# mine zero\n");
    assertThat(TemplateEngine.builtIn("zero/versions.tf.j2"))
        .get()
        .asString()
        .contains("Mongey/kafka");
  }

  @Test
  void aMissingTemplateIsNamed() {
    assertThatThrownBy(() -> new TemplateEngine(Optional.empty()).render("zero/nope.j2", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("zero/nope.j2");
    assertThat(TemplateEngine.builtIn("../secrets")).isEmpty();
  }

  @Test
  void syntaxErrorsNameTheTemplate() {
    assertThatThrownBy(() -> renderUser("a\n{% if %}\n{% endfor %}\n", datasets()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template zero/t.j2 line");
  }
}
