package dev.zdp.validator.report;

import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A stable identity for each finding of a report, so GitLab and GitHub code scanning can tell a
 * finding that stays from one that is new or fixed.
 *
 * <p>The fingerprint is the SHA-256 (lower-case hex) of the rule id, the file, the object path and
 * the message, separated by NUL characters. The line and column are left out on purpose: a finding
 * keeps its fingerprint when lines are added or removed above it. When several findings of one
 * report share all four (the same message twice in one file), the second and later ones also hash
 * their ordinal among those, counted in report order, so fingerprints within a report are distinct.
 */
final class Fingerprints {

  private Fingerprints() {}

  /** One fingerprint per diagnostic of {@code report}, in the same order. */
  static List<String> of(Report report) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> fingerprints = new ArrayList<>(report.diagnostics().size());
    for (Diagnostic d : report.diagnostics()) {
      String identity =
          String.join(
              "\0",
              d.rule(),
              d.location().map(SourceLocation::file).orElse(""),
              d.object().map(ObjectPath::toString).orElse(""),
              d.message());
      int ordinal = seen.merge(identity, 1, Integer::sum) - 1;
      fingerprints.add(sha256(ordinal == 0 ? identity : identity + "\0" + ordinal));
    }
    return List.copyOf(fingerprints);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
