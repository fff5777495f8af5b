package dev.zdp.action.cli;

import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.change.ChangeRuleRegistry;
import dev.zdp.validator.change.ChangeValidator;
import dev.zdp.validator.report.RuleDescription;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code zdp rules}: every id a diagnostic can carry, with its default severity and what it
 * requires, described exactly as the SARIF report describes them. Rules can be set to {@code off},
 * {@code warning} or {@code error} in the Ecosystem's {@code spec.rules}; the checks made while
 * reading the model, and ownership, cannot.
 */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description = "List every rule id with its default severity and what it checks.")
final class RulesCommand implements Callable<Integer> {

  private final RuleRegistry registry;

  @Spec CommandSpec spec;

  RulesCommand(RuleRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    List<RuleDescription> all =
        new ChangeValidator(registry, ChangeRuleRegistry.builtIn()).descriptions();
    List<RuleDescription> adjustable = all.stream().filter(RuleDescription::adjustable).toList();
    List<RuleDescription> fixed = all.stream().filter(d -> !d.adjustable()).toList();
    int width = all.stream().mapToInt(d -> d.id().length()).max().orElse(0);

    PrintWriter out = spec.commandLine().getOut();
    out.println("Rules (set a level per rule in the Ecosystem's spec.rules: off, warning, error):");
    adjustable.forEach(d -> print(out, d, width));
    out.println();
    out.println(
        "Checks made while reading the model, ownership and the base model's health (always"
            + " as shown):");
    fixed.forEach(d -> print(out, d, width));
    out.flush();
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, RuleDescription rule, int width) {
    out.printf(
        "  %-" + width + "s  %-7s  %s%n",
        rule.id(),
        rule.defaultSeverity().label(),
        rule.summary());
  }
}
