package dev.zdp.validator.report;

/**
 * Where zdp's documentation lives, for links in reports. The one place to change when the project's
 * home moves.
 */
final class Documentation {

  /** The home page of zdp's sources. */
  static final String HOME = "https://github.com/zdp-dev/zdp";

  private static final String DOCS = HOME + "/blob/main/docs/";

  private Documentation() {}

  /** The entry of docs/rules.md for {@code id}. */
  static String rule(String id) {
    return DOCS + "rules.md#" + id;
  }

  /** docs/reports.md: the report formats and how CI systems read them. */
  static String reports() {
    return DOCS + "reports.md";
  }
}
