package dev.zdp.model.load;

import dev.zdp.model.Milestoning;
import dev.zdp.model.ProductionStatus;
import dev.zdp.model.RuleLevel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The words the model format accepts for its enumerated fields. */
final class Vocabulary {

  static final Map<String, ProductionStatus> PRODUCTION_STATUS =
      words(ProductionStatus.values(), ProductionStatus::yaml);
  static final Map<String, Milestoning> MILESTONING =
      words(Milestoning.values(), Milestoning::yaml);
  static final Map<String, RuleLevel> RULE_LEVEL = words(RuleLevel.values(), RuleLevel::yaml);
  static final Map<String, String> PLATFORM_TYPE = Map.of("zero", "zero");
  static final Map<String, String> CATALOG_TYPE =
      words(new String[] {"rest", "jdbc", "hadoop", "glue"}, s -> s);
  static final Map<String, String> CONFIG_PROVIDER = words(new String[] {"file", "env"}, s -> s);

  private Vocabulary() {}

  private static <E> Map<String, E> words(E[] values, Function<E, String> spelling) {
    Map<String, E> map = new LinkedHashMap<>();
    Arrays.stream(values).forEach(v -> map.put(spelling.apply(v), v));
    return map;
  }
}
