package dev.zdp.action.status;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.generator.zero.TerraformReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The values of the generated Terraform variables as Terraform takes them, weakest first: each
 * variable's {@code default} (the model's value), the environment's {@code TF_VAR_<name>}, the
 * {@code --var-file}s in order, the {@code --var name=value}s in order.
 *
 * @param overrides what the environment, the files and the assignments give, by variable name
 * @param assigned the names given by {@code --var}: each must be a declared variable
 */
public record Variables(SortedMap<String, String> overrides, SortedSet<String> assigned) {

  /** The prefix of the environment variables Terraform reads variable values from. */
  public static final String ENVIRONMENT_PREFIX = "TF_VAR_";

  public Variables {
    overrides = new TreeMap<>(overrides);
    assigned = new TreeSet<>(assigned);
  }

  /** Overrides that name no variable on the command line. */
  public Variables(SortedMap<String, String> overrides) {
    this(overrides, new TreeSet<>());
  }

  /**
   * Reads the overrides.
   *
   * @throws CannotRun for a file that cannot be read or is not HCL, or an assignment without {@code
   *     =}
   */
  public static Variables read(
      Map<String, String> environment, List<Path> varFiles, List<String> assignments) {
    SortedMap<String, String> values = new TreeMap<>();
    SortedSet<String> assigned = new TreeSet<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(ENVIRONMENT_PREFIX) && name.length() > ENVIRONMENT_PREFIX.length()) {
            values.put(name.substring(ENVIRONMENT_PREFIX.length()), value);
          }
        });
    for (Path file : varFiles) {
      values.putAll(file(file));
    }
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals < 1) {
        throw new CannotRun(
            "--var '"
                + assignment.replaceAll("=.*", "=...")
                + "' is not NAME=VALUE; write it as --var connect_url=http://connect:8083");
      }
      String name = assignment.substring(0, equals).strip();
      values.put(name, assignment.substring(equals + 1));
      assigned.add(name);
    }
    return new Variables(values, assigned);
  }

  /**
   * Checks that every {@code --var} names a variable the generated Terraform declares, as Terraform
   * does for {@code -var}: a misspelt name would otherwise leave the default in place without a
   * word. (A tfvars file may hold values for other modules too, as Terraform allows.)
   *
   * @throws CannotRun naming the first unknown one and the declared names
   */
  public void checkAssigned(Collection<String> declared) {
    for (String name : assigned) {
      if (!declared.contains(name)) {
        throw new CannotRun(
            "--var '"
                + name
                + "' names no variable of the generated Terraform; the variables are: "
                + String.join(", ", new TreeSet<>(declared)));
      }
    }
  }

  private static Map<String, String> file(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CannotRun(
          "cannot read --var-file '" + file + "': " + reason(e) + "; give a readable tfvars file",
          e);
    }
    Map<String, Object> parsed;
    try {
      parsed = TerraformReader.parse(file.toString(), bytes);
    } catch (TerraformReader.InvalidHclException e) {
      throw new CannotRun(
          "--var-file '"
              + file
              + "'"
              + firstBadLine(file, new String(bytes, StandardCharsets.UTF_8))
                  .map(line -> " line " + line)
                  .orElse("")
              + " is not a tfvars file: "
              + parserMessage(e)
              + "; write one assignment per line, name = \"value\" (text in double quotes)",
          e);
    }
    SortedMap<String, String> values = new TreeMap<>();
    parsed.forEach((name, value) -> values.put(name, text(value)));
    return values;
  }

  /**
   * The line of the first assignment that cannot be read: the file is cut before each line that
   * starts an assignment, and the first cut whose part before it reads but whose part up to the
   * next one does not holds the fault. hcl4j names no line of its own.
   */
  static Optional<Integer> firstBadLine(Path file, String text) {
    List<String> lines = text.lines().toList();
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (ASSIGNMENT.matcher(lines.get(i)).lookingAt()) {
        starts.add(i);
      }
    }
    starts.add(lines.size());
    for (int s = 1; s < starts.size(); s++) {
      String upTo = String.join("\n", lines.subList(0, starts.get(s))) + "\n";
      try {
        TerraformReader.parse(file.toString(), upTo.getBytes(StandardCharsets.UTF_8));
      } catch (TerraformReader.InvalidHclException e) {
        return Optional.of(starts.get(s - 1) + 1);
      }
    }
    return Optional.empty();
  }

  /** A top-level assignment: a line that starts with a name (a map's entries are indented). */
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*\\s*=");

  /** hcl4j's own words, without the exception class names it wraps them in. */
  private static String parserMessage(TerraformReader.InvalidHclException e) {
    String message =
        Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse("").strip();
    message = message.replaceAll("(?:[a-z0-9_]+\\.)+[A-Za-z0-9_$]*(?:Exception|Error):\\s*", "");
    return message.isBlank() ? "it is not HCL" : message.strip();
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException
        ? "no such file"
        : Optional.ofNullable(e.getMessage()).orElse("input/output error");
  }

  private static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return String.valueOf(d.longValue());
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(Variables::text).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }

  /** The value of variable {@code name}: an override, else {@code fallback} (its default). */
  Optional<String> value(String name, Optional<String> fallback) {
    String override = overrides.get(name);
    return override != null ? Optional.of(override) : fallback;
  }
}
