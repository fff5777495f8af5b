package dev.zdp.model.load;

import java.util.Locale;

/**
 * Which files of a tree are model files: {@code *.yaml} and {@code *.yml}, except in hidden
 * directories and in the generated-output directory at the model root.
 */
final class ModelFiles {

  /** Where {@code zdp generate} writes by default; never read back as model. */
  static final String GENERATED_DIR = "generated";

  /** Directory names that hold no model even when they hold YAML (user template overrides). */
  static final String TEMPLATES_DIR = "templates";

  private ModelFiles() {}

  /** True if the file at {@code relativePath} (with {@code /} separators) is a model file. */
  static boolean isModelFile(String relativePath) {
    String lower = relativePath.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
      return false;
    }
    String[] segments = relativePath.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (isSkippedDirectory(segments[i], i == 0)) {
        return false;
      }
    }
    return !segments[segments.length - 1].startsWith(".");
  }

  /** True if a directory of this name is not searched for model files. */
  static boolean isSkippedDirectory(String name, boolean atRoot) {
    return name.startsWith(".")
        || atRoot && (name.equals(GENERATED_DIR) || name.equals(TEMPLATES_DIR));
  }
}
