package dev.zdp.action.status;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.generator.zero.TerraformReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The values of the generated Terraform variables as Terraform takes them, weakest first: each
 * variable's {@code default} (the model's value), the environment's {@code TF_VAR_<name>}, the
 * {@code --var-file}s in order, the {@code --var name=value}s in order.
 *
 * @param overrides what the environment, the files and the assignments give, by variable name
 */
public record Variables(SortedMap<String, String> overrides) {

  /** The prefix of the environment variables Terraform reads variable values from. */
  public static final String ENVIRONMENT_PREFIX = "TF_VAR_";

  public Variables {
    overrides = new TreeMap<>(overrides);
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
      values.put(assignment.substring(0, equals).strip(), assignment.substring(equals + 1));
    }
    return new Variables(values);
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
          "--var-file '" + file + "' is not a tfvars file (name = \"value\" lines): " + e, e);
    }
    SortedMap<String, String> values = new TreeMap<>();
    parsed.forEach((name, value) -> values.put(name, text(value)));
    return values;
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
