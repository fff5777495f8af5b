package dev.zdp.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Well-known shapes of secrets in free text: a URL with a password ({@code
 * postgres://u:pw@host/db}), a password in a URL's query ({@code ?password=...}), an AWS access key
 * id or secret access key, a PEM private key, a GitHub token. {@link #mask} replaces each secret
 * with {@value #MASK}, keeping the text around it, so reports, logs and errors can quote a value
 * without repeating what must not be repeated.
 */
public final class Secrets {

  /** What a masked secret reads as. */
  public static final String MASK = "***";

  private record Shape(String what, Pattern pattern, int secretGroup) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "a PEM private key",
              Pattern.compile(
                  "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(.*?)(?:-----END [A-Z0-9 ]*PRIVATE"
                      + " KEY-----|$)",
                  Pattern.DOTALL),
              1),
          new Shape(
              "a URL with a password in it",
              Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s:?#]*:([^/@\\s?#]+)@"),
              1),
          new Shape(
              "a password in a URL's query",
              Pattern.compile(
                  "[?&;](?i:password|passwd|pwd|secret|token|access[_-]?key|secret[_-]?key"
                      + "|client[_-]?secret|credential|sig|signature)=([^&;#\\s'\"]+)"),
              1),
          new Shape(
              "an AWS secret access key",
              Pattern.compile(
                  "(?i:aws[_-]?secret[_-]?access[_-]?key|secret[_-]?access[_-]?key)"
                      + "[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{16,})"),
              1),
          new Shape(
              "an AWS access key id", Pattern.compile("\\b((?:AKIA|ASIA)[A-Z0-9]{16})\\b"), 1),
          new Shape(
              "a GitHub token",
              Pattern.compile(
                  "\\b((?:gh[pousr]_[A-Za-z0-9]{30,})|(?:github_pat_[A-Za-z0-9_]{22,}))\\b"),
              1));

  private Secrets() {}

  /** {@code text} with every secret in it replaced by {@value #MASK}. */
  public static String mask(String text) {
    if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
      return text;
    }
    String masked = text;
    for (Shape shape : SHAPES) {
      Matcher matcher = shape.pattern().matcher(masked);
      StringBuilder out = null;
      int last = 0;
      while (matcher.find()) {
        if (matcher.group(shape.secretGroup()) == null
            || matcher.group(shape.secretGroup()).isEmpty()) {
          continue;
        }
        if (out == null) {
          out = new StringBuilder(masked.length());
        }
        out.append(masked, last, matcher.start(shape.secretGroup())).append(MASK);
        last = matcher.end(shape.secretGroup());
      }
      if (out != null) {
        masked = out.append(masked, last, masked.length()).toString();
      }
    }
    return masked;
  }

  /** What kind of secret {@code text} holds, in words, or empty when it holds none. */
  public static Optional<String> find(String text) {
    if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
      return Optional.empty();
    }
    for (Shape shape : SHAPES) {
      Matcher matcher = shape.pattern().matcher(text);
      while (matcher.find()) {
        String secret = matcher.group(shape.secretGroup());
        if (secret != null && !secret.isEmpty()) {
          return Optional.of(shape.what());
        }
      }
    }
    return Optional.empty();
  }

  /** A cheap test every report line passes through: no secret shape without one of these. */
  private static boolean mayHoldSecret(String text) {
    return text.indexOf('@') >= 0
        || text.indexOf('=') >= 0
        || text.contains("-----BEGIN")
        || text.contains("AKIA")
        || text.contains("ASIA")
        || text.contains("gh")
        || text.contains("github_pat_");
  }
}
