package dev.zdp.action.cli;

import dev.zdp.action.ci.ActionCommand;
import dev.zdp.action.status.TopicReader;
import dev.zdp.validator.RuleRegistry;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates the subcommands, handing the ones that validate the rules to run. Commands that need
 * nothing are created by picocli's default factory.
 */
final class CommandFactory implements IFactory {

  private final RuleRegistry rules;
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final TopicReader topics;

  CommandFactory(
      RuleRegistry rules,
      Map<String, String> environment,
      Path workingDirectory,
      TopicReader topics) {
    this.rules = rules;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
    this.topics = topics;
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
    if (type == StatusCommand.class) {
      return type.cast(new StatusCommand(rules, environment, topics));
    }
    if (type == SnapshotCommand.class) {
      return type.cast(new SnapshotCommand(rules, environment));
    }
    if (type == ReconcileCommand.class) {
      return type.cast(new ReconcileCommand(rules, environment, topics));
    }
    if (type == GraphCommand.class) {
      return type.cast(new GraphCommand(rules));
    }
    if (type == DocsCommand.class) {
      return type.cast(new DocsCommand(rules));
    }
    if (type == RulesCommand.class) {
      return type.cast(new RulesCommand(rules));
    }
    if (type == ActionCommand.class) {
      return type.cast(new ActionCommand(environment, workingDirectory));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
