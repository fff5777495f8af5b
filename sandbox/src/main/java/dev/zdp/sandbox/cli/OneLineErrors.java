package dev.zdp.sandbox.cli;

import dev.zdp.model.Suggestions;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The sandbox's failures as the other commands print theirs: one line on stderr starting with the
 * command's name, exit code 2; a usage mistake points at {@code --help}, and a stack trace is shown
 * only with {@code --verbose}.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

  static final int CANNOT_RUN = 2;

  /** {@code command} with these handlers and the sandbox's version. */
  static CommandLine install(CommandLine command) {
    OneLineErrors errors = new OneLineErrors();
    command.setParameterExceptionHandler(errors);
    command.setExecutionExceptionHandler(errors);
    return command;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    String problem =
        ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
            ? unknown(command, unmatched.getUnmatched().get(0))
            : sentence(firstLine(ex.getMessage()));
    String name = command.getCommandName();
    command.getErr().println(name + ": " + problem + " (run '" + name + " --help' for usage)");
    command.getErr().flush();
    return CANNOT_RUN;
  }

  /** An argument nothing takes: named, with the nearest option, as the other commands do. */
  private static String unknown(CommandLine command, String argument) {
    if (!argument.startsWith("-")) {
      return "unexpected argument '" + argument + "'";
    }
    String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
    return "unknown option '"
        + name
        + "'"
        + Suggestions.nearest(name, command.getCommandSpec().optionsMap().keySet())
            .map(option -> "; did you mean '" + option + "'?")
            .orElse("");
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    boolean verbose = parsed.hasMatchedOption("--verbose");
    err.println(
        command.getCommandName()
            + ": internal error: "
            + firstLine(String.valueOf(ex))
            + (verbose ? "" : " (run with --verbose for details)"));
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return CANNOT_RUN;
  }

  private static String firstLine(String message) {
    String trimmed = message == null ? "" : message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }

  /** Picocli capitalizes its messages; ours continue after the command's name in lower case. */
  private static String sentence(String message) {
    if (message.length() > 1 && Character.isUpperCase(message.charAt(0))) {
      return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
    return message;
  }
}
