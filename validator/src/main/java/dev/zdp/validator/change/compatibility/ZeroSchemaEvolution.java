package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Column;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.Consumption;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;
import dev.zdp.validator.change.compatibility.TypeWidening.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Zero is stricter than the logical table: its staging and corpus tables are Apache Iceberg tables,
 * and Iceberg changes a column's type in place only by promoting {@code int → long}, {@code float →
 * double}, or widening a {@code decimal}'s precision at the same scale. A widening the logical
 * rules allow but Iceberg cannot apply (an integer to a decimal, a decimal's scale) is an error for
 * datasets a Zero dataset group consumes.
 *
 * <p>{@link #icebergType} repeats the mapping of the Zero renderer, {@code
 * dev.zdp.generator.zero.ZeroNames#mapType}, which is the source of truth (it also says which types
 * Zero cannot carry at all). The validator may not depend on the generator, so the two are to be
 * unified in one place per platform, shared by both, later; until then they must agree.
 */
public final class ZeroSchemaEvolution extends CompatibilityRule {

  public ZeroSchemaEvolution() {
    super(
        "zero-schema-evolution",
        "A column type of a dataset consumed on Zero changes only in ways Iceberg can apply in"
            + " place");
  }

  /** The Iceberg type Zero stores a logical type as: {@code int}, {@code decimal(12,2)}, ... */
  public static String icebergType(ColumnType type) {
    return switch (type.base()) {
      case BOOLEAN -> "boolean";
      case SMALLINT, INTEGER -> "int";
      case BIGINT -> "long";
      case REAL -> "float";
      case DOUBLE -> "double";
      case DECIMAL -> "decimal(" + type.size() + "," + type.scale() + ")";
      case CHAR, VARCHAR, TEXT, UUID, JSON -> "string";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamptz";
      case BYTEA -> "binary";
    };
  }

  /** True when Iceberg can change an existing column from {@code from} to {@code to} in place. */
  public static boolean icebergCanApply(ColumnType from, ColumnType to) {
    String a = icebergType(from);
    String b = icebergType(to);
    if (a.equals(b)) {
      return true;
    }
    if (a.equals("int") && b.equals("long") || a.equals("float") && b.equals("double")) {
      return true;
    }
    return from.base() == ColumnType.Base.DECIMAL
        && to.base() == ColumnType.Base.DECIMAL
        && from.scale() == to.scale()
        && to.size() >= from.size();
  }

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.consumedDatasets()) {
      List<Consumption> onZero =
          dataset.consumers().stream().filter(c -> onZero(change, c)).toList();
      if (onZero.isEmpty()) {
        continue;
      }
      for (Column old : dataset.before().columns()) {
        Optional<Column> now = dataset.after().column(old.name());
        if (now.isEmpty()
            || TypeWidening.classify(old.type(), now.get().type()) != Verdict.WIDENED
            || icebergCanApply(old.type(), now.get().type())) {
          continue;
        }
        ColumnType to = now.get().type();
        findings.report(
            dataset.columnPath(old.name()).field("type"),
            "Cannot change column '"
                + column(dataset, old.name())
                + "' from "
                + old.type()
                + " to "
                + to
                + " on Zero: its Iceberg tables cannot change "
                + icebergType(old.type())
                + " to "
                + icebergType(to)
                + " in place (Iceberg promotes only int → long, float → double and a decimal's"
                + " precision at the same scale); it breaks "
                + Consumption.describe(onZero),
            "keep " + old.type() + " and add a new nullable column of type " + to + " beside it");
      }
    }
  }

  /**
   * Whether a sink is served by a Zero platform: its group names a platform of type {@code zero},
   * or it states requirements and the ecosystem runs a Zero platform that may be chosen for it.
   */
  private static boolean onZero(ModelChange change, Consumption consumer) {
    List<Platform> platforms =
        platforms(change.head()).or(() -> platforms(change.base())).orElse(List.of());
    if (consumer.platform().isPresent()) {
      return platforms.stream()
          .anyMatch(
              p -> p.name().equals(consumer.platform().get()) && Platform.ZERO.equals(p.type()));
    }
    return platforms.stream().anyMatch(p -> Platform.ZERO.equals(p.type()));
  }

  private static Optional<List<Platform>> platforms(Model model) {
    return model.ecosystem().map(Ecosystem::platforms);
  }
}
