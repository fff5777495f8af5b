package dev.zdp.validator;

/** The {@link RuleInfo} each rule class declares, read once per class. */
final class DeclaredInfo {

  private static final ClassValue<RuleInfo> INFO =
      new ClassValue<>() {
        @Override
        protected RuleInfo computeValue(Class<?> type) {
          return type.getAnnotation(RuleInfo.class);
        }
      };

  private DeclaredInfo() {}

  /** The {@link RuleInfo} on {@code rule}'s class; fails when the class declares none. */
  static RuleInfo of(RuleMetadata rule) {
    RuleInfo info = INFO.get(rule.getClass());
    if (info == null) {
      throw new IllegalStateException(
          rule.getClass().getName()
              + " declares no @RuleInfo: annotate the class with its id, severity and summary");
    }
    return info;
  }
}
