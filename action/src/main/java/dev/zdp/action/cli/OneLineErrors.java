package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.model.Suggestions;
import dev.zdp.model.load.ModelSourceException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr starting {@code zdp: } and exit code {@value
 * ExitCodes#CANNOT_RUN}: usage mistakes get a pointer to {@code --help}, a failure the user can fix
 * gets its own message, anything else is an internal error. Stack traces only with {@code
 * --verbose}.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

  private final PrintWriter err;

  OneLineErrors(PrintWriter err) {
    this.err = err;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandSpec command = ex.getCommandLine().getCommandSpec();
    String problem =
        ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
            ? unmatched(command, unmatched.getUnmatched().get(0))
            : sentence(firstLine(ex.getMessage()));
    err.println("zdp: " + problem + " (run '" + command.qualifiedName() + " --help' for usage)");
    return ExitCodes.CANNOT_RUN;
  }

  /** An argument no option or command takes: name it, and the nearest one that exists. */
  private static String unmatched(CommandSpec command, String argument) {
    if (argument.startsWith("-")) {
      String name =
          argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
      return "unknown option '" + name + "'" + didYouMean(name, command.optionsMap().keySet());
    }
    if (!command.subcommands().isEmpty()) {
      return "unknown command '"
          + argument
          + "'"
          + didYouMean(argument, command.subcommands().keySet());
    }
    return "unexpected argument '" + argument + "'";
  }

  private static String didYouMean(String typed, Collection<String> candidates) {
    return Suggestions.nearest(typed, candidates)
        .map(s -> "; did you mean '" + s + "'?")
        .orElse("");
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    boolean verbose = verbose(parsed);
    if (ex instanceof CannotRun || ex instanceof ModelSourceException) {
      err.println("zdp: " + firstLine(ex.getMessage()));
    } else {
      err.println(
          "zdp: internal error: "
              + firstLine(String.valueOf(ex))
              + (verbose ? "" : " (run with --verbose for details)"));
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    return ExitCodes.CANNOT_RUN;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }

  /** Picocli capitalizes its messages; ours continue after {@code zdp: } in lower case. */
  private static String sentence(String message) {
    if (message.length() > 1 && Character.isUpperCase(message.charAt(0))) {
      return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
    return message;
  }
}
