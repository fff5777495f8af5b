package dev.zdp.action.cli;

import dev.zdp.model.load.LoadProblem;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import dev.zdp.validator.Validator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code zdp rules}: every id a diagnostic can carry, with its default severity and what it
 * requires. The rules can be set to {@code off}, {@code warning} or {@code error} in the
 * Ecosystem's {@code spec.rules}; the checks made while reading the model are always errors.
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

  private record Entry(String id, Severity severity, String summary) {}

  @Override
  public Integer call() {
    List<Entry> rules =
        registry.rules().stream()
            .map((Rule r) -> new Entry(r.id(), r.defaultSeverity(), r.summary()))
            .toList();
    List<Entry> fixed = new ArrayList<>();
    for (LoadProblem.Code code : LoadProblem.Code.values()) {
      fixed.add(new Entry(code.id(), Severity.ERROR, code.summary()));
    }
    fixed.add(
        new Entry(
            Validator.RULE_CONFIG,
            Severity.ERROR,
            "Every entry of spec.rules names a rule zdp has, and only rules can change level"));
    int width =
        Stream.concat(rules.stream(), fixed.stream())
            .mapToInt(e -> e.id().length())
            .max()
            .orElse(0);

    PrintWriter out = spec.commandLine().getOut();
    out.println("Rules (set a level per rule in the Ecosystem's spec.rules: off, warning, error):");
    if (rules.isEmpty()) {
      out.println("  (none yet)");
    }
    rules.forEach(e -> print(out, e, width));
    out.println();
    out.println("Checks made while reading the model (always errors):");
    fixed.forEach(e -> print(out, e, width));
    out.flush();
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, Entry entry, int width) {
    out.printf(
        "  %-" + width + "s  %-7s  %s%n", entry.id(), entry.severity().label(), entry.summary());
  }
}
