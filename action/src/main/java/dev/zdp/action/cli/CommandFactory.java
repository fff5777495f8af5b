package dev.zdp.action.cli;

import dev.zdp.validator.RuleRegistry;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates the subcommands, handing the ones that validate the rules to run. Commands that need
 * nothing are created by picocli's default factory.
 */
final class CommandFactory implements IFactory {

  private final RuleRegistry rules;

  CommandFactory(RuleRegistry rules) {
    this.rules = rules;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == ValidateCommand.class) {
      return type.cast(new ValidateCommand(rules));
    }
    if (type == GenerateCommand.class) {
      return type.cast(new GenerateCommand(rules));
    }
    if (type == PlanCommand.class) {
      return type.cast(new PlanCommand(rules));
    }
    if (type == GraphCommand.class) {
      return type.cast(new GraphCommand(rules));
    }
    if (type == RulesCommand.class) {
      return type.cast(new RulesCommand(rules));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
