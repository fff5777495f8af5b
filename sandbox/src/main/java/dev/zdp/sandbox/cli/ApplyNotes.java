package dev.zdp.sandbox.cli;

import dev.zdp.sandbox.apply.ApplyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The "What the sandbox changed from the generated settings" block of the console: printed after an
 * apply whose notes differ from the ones printed last, so a re-apply with the same notes does not
 * repeat them.
 */
final class ApplyNotes {
  private Set<String> shown = Set.of();

  /** The lines to print for {@code report}: none when its notes were the last ones printed. */
  List<String> lines(ApplyReport report) {
    if (report.notes().isEmpty() || report.notes().equals(shown)) {
      return List.of();
    }
    shown = Set.copyOf(report.notes());
    List<String> lines = new ArrayList<>();
    lines.add("What the sandbox changed from the generated settings:");
    report.notes().forEach(note -> lines.add("  " + note));
    return lines;
  }
}
