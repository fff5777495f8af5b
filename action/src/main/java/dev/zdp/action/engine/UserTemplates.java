package dev.zdp.action.engine;

import dev.zdp.generator.Generator;
import dev.zdp.model.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model repository's own templates: the files of {@code <model>/templates/} override the
 * built-in templates of the same name ({@code templates/zero/datastore.tf.j2}).
 *
 * @param directory where the templates can be read, if the model has any
 * @param shownAs how to name the directory to the user (it may be a copy out of a git commit)
 */
public record UserTemplates(Optional<Path> directory, String shownAs) {

  /** The directory below the model directory that holds template overrides. */
  public static final String DIRECTORY = "templates";

  /** {@code <model>/templates} on disk, when that directory exists. */
  public static UserTemplates onDisk(Path model) {
    Path dir = model.resolve(DIRECTORY);
    return new UserTemplates(
        Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty(), dir.toString());
  }

  /** Where to fix {@code template}, if the user's directory overrides it. */
  public Optional<String> fileToFix(String template) {
    return directory
        .filter(dir -> Files.isRegularFile(dir.resolve(template)))
        .map(dir -> template + " in " + shownAs);
  }

  /**
   * One line per file in the templates directory that overrides no template (a typo in its name
   * would otherwise be silently ignored), with the nearest template name.
   */
  public List<String> strays() {
    if (directory.isEmpty()) {
      return List.of();
    }
    Path templates = directory.get();
    List<String> names = Generator.templateNames();
    List<String> strays = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(templates)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = templates.relativize(file).toString().replace('\\', '/');
        if (names.contains(name) || name.startsWith(".") || name.contains("/.")) {
          continue;
        }
        strays.add(
            name
                + " in "
                + shownAs
                + " overrides no template"
                + Suggestions.nearest(name, names)
                    .map(n -> "; did you mean '" + n + "'?")
                    .orElse("; run 'zdp templates list' for the names"));
      }
    } catch (IOException e) {
      throw new CannotRun("cannot read the templates in '" + shownAs + "': " + e.getMessage(), e);
    }
    return strays;
  }
}
