package dev.zdp.validator.rules.naming;

import dev.zdp.model.Definition;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.Describe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every name (ecosystem, zone, team, datastore, dataset, column, workspace, dataset group,
 * platform, and a platform's Iceberg namespaces) matches {@code [a-z][a-z0-9_]*} and has at most 63
 * characters: the longest identifier Postgres keeps, and a form Kafka topics, connector names and
 * Iceberg tables take unquoted.
 */
@RuleInfo(
    id = "name-format",
    severity = Severity.ERROR,
    summary = "Names match [a-z][a-z0-9_]* and have at most 63 characters")
public final class NameFormat implements Rule {

  /** The form every name has. */
  public static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]*");

  /** The longest name: Postgres truncates identifiers after 63 bytes. */
  public static final int MAX_LENGTH = 63;

  private static final String FORM =
      "names match [a-z][a-z0-9_]* and have at most " + MAX_LENGTH + " characters";

  @Override
  public void check(Model model, Findings findings) {
    for (Definition definition : model.definitions()) {
      ObjectPath path = definition.path();
      Optional<String> name = Describe.name(path);
      if (name.isEmpty() || isValid(name.get())) {
        continue;
      }
      Optional<String> noun = Describe.noun(path);
      if (noun.isEmpty() || noun.get().equals("sink")) {
        continue;
      }
      List<String> problems = problems(name.get());
      if (problems.isEmpty()) {
        continue;
      }
      String owner = path.parent().equals(path) ? "" : " in " + Describe.object(path.parent());
      String hint =
          name.get().isEmpty()
              ? FORM
              : "rename it to '" + fixed(name.get(), noun.get()) + "' (" + FORM + ")";
      findings.reportAt(
          defaultSeverity(),
          definition.location(),
          path,
          "Invalid "
              + noun.get().toLowerCase(Locale.ROOT)
              + " name '"
              + name.get()
              + "'"
              + owner
              + ": "
              + String.join(", ", problems),
          hint);
    }
    model.ecosystem().ifPresent(ecosystem -> namespaces(ecosystem, findings));
  }

  /**
   * A platform's {@code stagingNamespace} and {@code corpusNamespace} are names too: they land in
   * every MERGE job, staging file and sink config.
   */
  private void namespaces(Ecosystem ecosystem, Findings findings) {
    for (Platform platform : ecosystem.platforms()) {
      ObjectPath iceberg =
          ObjectPath.of(Kind.ECOSYSTEM, ecosystem.name())
              .item("platforms", platform.name())
              .field("iceberg");
      namespace(
          findings, iceberg, "stagingNamespace", platform.iceberg().stagingNamespace(), platform);
      namespace(
          findings, iceberg, "corpusNamespace", platform.iceberg().corpusNamespace(), platform);
    }
  }

  private void namespace(
      Findings findings, ObjectPath iceberg, String field, String name, Platform platform) {
    if (isValid(name)) {
      return;
    }
    findings.report(
        iceberg.field(field),
        "Invalid namespace name '"
            + name
            + "' in "
            + field
            + " of platform '"
            + platform.name()
            + "': "
            + String.join(", ", problems(name)),
        name.isEmpty() ? FORM : "write '" + fixed(name, "namespace") + "' (" + FORM + ")");
  }

  /**
   * True if {@code name} matches {@link #VALID} and is not too long: what {@link #problems} finds
   * nothing wrong with, checked without building anything (a large model has a million names).
   */
  static boolean isValid(String name) {
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      return false;
    }
    char first = name.charAt(0);
    if (first < 'a' || first > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Why {@code name} is not valid, in words; empty when it is. */
  static List<String> problems(String name) {
    List<String> problems = new ArrayList<>();
    if (name.isEmpty()) {
      problems.add("it is empty");
      return problems;
    }
    char first = name.charAt(0);
    if (!(first >= 'a' && first <= 'z') && !Character.isUpperCase(first)) {
      problems.add("it starts with '" + first + "', not a letter");
    }
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      problems.add("it has upper-case letters");
    }
    TreeSet<String> invalid = new TreeSet<>();
    name.codePoints()
        .filter(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'))
        .filter(c -> !Character.isUpperCase(c))
        .forEach(c -> invalid.add(new String(Character.toChars(c))));
    if (!invalid.isEmpty()) {
      problems.add(
          "it contains "
              + String.join(" ", invalid.stream().map(NameFormat::quoted).toList())
              + " (only a-z, 0-9 and _ are allowed)");
    }
    if (name.length() > MAX_LENGTH) {
      problems.add(
          "it has " + name.length() + " characters, more than the " + MAX_LENGTH + " allowed");
    }
    return problems;
  }

  /** A character as a message shows it: quoted, or as U+XXXX when it is invisible. */
  private static String quoted(String c) {
    int codePoint = c.codePointAt(0);
    int type = Character.getType(codePoint);
    boolean invisible =
        Character.isISOControl(codePoint)
            || type == Character.FORMAT
            || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR;
    return invisible ? String.format("U+%04X", codePoint) : "'" + c + "'";
  }

  /**
   * A valid name close to {@code name}: lower-cased, every other character replaced by {@code _},
   * prefixed with the kind of thing it names when it does not start with a letter, and cut to 63
   * characters.
   */
  static String fixed(String name, String noun) {
    String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (!(lower.charAt(0) >= 'a' && lower.charAt(0) <= 'z')) {
      String prefix = noun.toLowerCase(Locale.ROOT).split(" ")[0];
      lower = prefix + (lower.charAt(0) == '_' ? "" : "_") + lower;
    }
    return lower.length() > MAX_LENGTH ? lower.substring(0, MAX_LENGTH) : lower;
  }
}
