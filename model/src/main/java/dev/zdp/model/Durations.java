package dev.zdp.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's durations: a whole number and one unit, {@code 30s}, {@code 15m}, {@code 2h}, {@code
 * 1d} (seconds, minutes, hours, days), as a freshness objective is written.
 */
public final class Durations {

  /** How a duration is written, for messages and the JSON schema. */
  public static final String FORMAT = "a whole number and a unit: 30s, 15m, 2h or 1d";

  /** The longest duration the model takes: a year. */
  public static final Duration MAX = Duration.ofDays(365);

  private static final Pattern WRITTEN = Pattern.compile("([1-9][0-9]{0,8})([smhd])");

  private Durations() {}

  /** {@code text} as a duration, or empty when it is not one written as {@link #FORMAT}. */
  public static Optional<Duration> parse(String text) {
    Matcher m = WRITTEN.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        });
  }

  /**
   * {@code duration} as a person reads it, to the second, in at most its two largest units: {@code
   * 45s}, {@code 15m}, {@code 2h 10m}, {@code 3d 4h}.
   */
  public static String format(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    StringBuilder out = new StringBuilder();
    int parts = 0;
    for (int i = 0; i < sizes.length && parts < 2; i++) {
      long amount = seconds / sizes[i];
      if (amount > 0 || (parts > 0)) {
        if (amount > 0) {
          out.append(out.isEmpty() ? "" : " ").append(amount).append(units[i]);
        }
        parts++;
      }
      seconds %= sizes[i];
    }
    return out.isEmpty() ? "0s" : out.toString();
  }
}
