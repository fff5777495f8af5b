package dev.zdp.validator.change;

import dev.zdp.model.Column;
import dev.zdp.model.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One column that differs between a dataset's base and head: removed, added, or kept with a
 * different definition. {@link #between} walks the two column lists once per dataset change (as
 * Iceberg's {@code CheckCompatibility} walks two schemas once) and the column rules filter what it
 * found, so no rule pairs the columns again.
 *
 * @param before the column in the base, empty when it was added
 * @param after the column in the head, empty when it was removed
 */
public record ColumnChange(String name, Optional<Column> before, Optional<Column> after) {

  /**
   * Every column of {@code before} that is removed or changed in {@code after}, in the base's
   * order, then every column added in {@code after}, in the head's order.
   */
  public static List<ColumnChange> between(Dataset before, Dataset after) {
    List<ColumnChange> changes = new ArrayList<>();
    for (Column old : before.columns()) {
      Optional<Column> now = after.column(old.name());
      if (now.isEmpty() || !now.get().equals(old)) {
        changes.add(new ColumnChange(old.name(), Optional.of(old), now));
      }
    }
    for (Column now : after.columns()) {
      if (before.column(now.name()).isEmpty()) {
        changes.add(new ColumnChange(now.name(), Optional.empty(), Optional.of(now)));
      }
    }
    return List.copyOf(changes);
  }

  /** In the base, not in the head (a rename is a removal and an addition). */
  public boolean removed() {
    return after.isEmpty();
  }

  /** In the head, not in the base. */
  public boolean added() {
    return before.isEmpty();
  }

  /** In both, with a different definition (type, nullability or anything else). */
  public boolean kept() {
    return before.isPresent() && after.isPresent();
  }
}
