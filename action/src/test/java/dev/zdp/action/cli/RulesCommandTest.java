package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.load.LoadProblem;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.change.ChangeRuleRegistry;
import dev.zdp.validator.change.ChangeValidator;
import dev.zdp.validator.report.RuleDescription;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

  @Test
  void listsEveryRuleWithItsDefaultSeverityAndSummary() {
    Zdp zdp = Zdp.run("rules");

    assertThat(zdp.exitCode()).isZero();
    assertThat(zdp.err()).isEmpty();
    for (Rule rule : RuleRegistry.builtIn().rules()) {
      assertThat(zdp.out().lines())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .matches(
                          "  "
                              + java.util.regex.Pattern.quote(rule.id())
                              + " +"
                              + rule.defaultSeverity().label()
                              + " +"
                              + java.util.regex.Pattern.quote(rule.summary())));
    }
  }

  @Test
  void listsTheLoadProblemsAsFixedLevelsAndRuleConfigAsAnError() {
    String out = Zdp.run("rules").out();

    String fixed = out.substring(out.indexOf("always as shown"));
    for (LoadProblem.Code code : LoadProblem.Code.values()) {
      String level = code.warning() ? "warning" : "error";
      assertThat(fixed)
          .containsPattern(
              "  "
                  + code.id()
                  + " +"
                  + level
                  + " +"
                  + java.util.regex.Pattern.quote(code.summary()));
    }
    assertThat(fixed).containsPattern("  yaml-tag +warning ");
    assertThat(fixed).containsPattern("  rule-config +error ");
  }

  @Test
  void listsARuleFromTheRegistryItRunsWith() {
    Zdp zdp = Zdp.runWith(TestModels.withWarningPerDatastore(), "rules");

    assertThat(zdp.exitCode()).isZero();
    String rules = zdp.out().substring(0, zdp.out().indexOf("always as shown"));
    assertThat(rules)
        .containsPattern("\\n  test-datastore-warning +warning +Warns about every datastore");
  }

  @Test
  void listsEveryIdTheReportFormatsDescribeWithTheSameSummary() {
    String out = Zdp.run("rules").out();

    for (RuleDescription rule :
        new ChangeValidator(RuleRegistry.builtIn(), ChangeRuleRegistry.builtIn()).descriptions()) {
      assertThat(out)
          .as("zdp rules and the SARIF report describe '%s' alike", rule.id())
          .containsPattern(
              "  "
                  + java.util.regex.Pattern.quote(rule.id())
                  + " +"
                  + rule.defaultSeverity().label()
                  + " +"
                  + java.util.regex.Pattern.quote(rule.summary())
                  + "\n");
    }
  }
}
