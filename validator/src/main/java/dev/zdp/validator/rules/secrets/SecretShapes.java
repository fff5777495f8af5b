package dev.zdp.validator.rules.secrets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a credential's name from a secret pasted in its place. A name is short words joined by
 * {@code _ - . /} ({@code crm_db}, {@code kv/crm/replication}); a secret is a PEM block, a URL with
 * a password, or a long run of mixed letters and digits the way generated tokens and keys look.
 */
final class SecretShapes {

  /** Runs of at least this many characters of mixed letters and digits look generated. */
  static final int TOKEN_LENGTH = 20;

  private static final Pattern URL_WITH_PASSWORD =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s:]*:[^/@\\s]*@");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./-]+");
  private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+=]+");

  private SecretShapes() {}

  /** Why {@code value} looks like a secret rather than its name, or empty when it is a name. */
  static Optional<String> secretShape(String value) {
    if (value.contains("-----BEGIN") || value.contains("PRIVATE KEY")) {
      return Optional.of("a PEM block (a key or a certificate)");
    }
    if (URL_WITH_PASSWORD.matcher(value).find()) {
      return Optional.of("a URL with a password in it");
    }
    Matcher run = RUN.matcher(value);
    while (run.find()) {
      if (looksGenerated(run.group())) {
        return Optional.of(
            "a generated token or key ("
                + run.group().length()
                + " mixed letters"
                + " and digits)");
      }
    }
    if (!NAME.matcher(value).matches()) {
      return Optional.of(
          "text with characters a name would not have (a name is letters, digits, _, -, . and /)");
    }
    return Optional.empty();
  }

  private static boolean looksGenerated(String run) {
    if (run.length() < TOKEN_LENGTH) {
      return false;
    }
    boolean letters = run.chars().anyMatch(Character::isLetter);
    boolean digits = run.chars().anyMatch(Character::isDigit);
    boolean encoded = run.indexOf('+') >= 0 || run.endsWith("=");
    return (letters && digits) || encoded;
  }
}
