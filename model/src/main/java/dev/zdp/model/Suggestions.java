package dev.zdp.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for mistyped keys, kinds and names: the nearest candidate by edit distance. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code typed}, if one is close enough to be a plausible typo: at most
   * a third of the longer word's letters differ (case differences count as half).
   */
  public static Optional<String> nearest(String typed, Collection<String> candidates) {
    return candidates.stream()
        .filter(c -> plausible(typed, c))
        .min(Comparator.comparingInt((String c) -> distance(typed, c)).thenComparing(c -> c));
  }

  private static boolean plausible(String typed, String candidate) {
    if (typed.equalsIgnoreCase(candidate)) {
      return true;
    }
    int limit = Math.max(1, Math.max(typed.length(), candidate.length()) / 3);
    return distance(typed, candidate) <= limit * 2;
  }

  /**
   * Damerau-Levenshtein distance (optimal string alignment) where each edit costs 2 and a change of
   * case costs 1, so {@code Name} is nearer to {@code name} than {@code nam} is.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = 2 * i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = 2 * j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        char x = a.charAt(i - 1);
        char y = b.charAt(j - 1);
        int substitution =
            x == y ? 0 : Character.toLowerCase(x) == Character.toLowerCase(y) ? 1 : 2;
        int best =
            Math.min(Math.min(d[i - 1][j] + 2, d[i][j - 1] + 2), d[i - 1][j - 1] + substitution);
        if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y) {
          best = Math.min(best, d[i - 2][j - 2] + 2);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
