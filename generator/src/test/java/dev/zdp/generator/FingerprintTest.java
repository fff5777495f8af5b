package dev.zdp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.template.StrictMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  private static final StrictMap PLATFORM = StrictMap.of("name", "zero", "partitions", 3);

  private static Map<String, ?> context(StrictMap platform, String job, List<String> columns) {
    return StrictMap.of("platform", platform, "job", StrictMap.of("name", job, "columns", columns));
  }

  @Test
  void aSharedValueRememberedByOneMakerFingerprintsAsAFreshOne() {
    Fingerprint.Maker maker = new Fingerprint.Maker("r");
    for (String job : List.of("a", "b", "a")) {
      Map<String, ?> context = context(PLATFORM, job, List.of("id", job));

      assertThat(maker.of("t.j2", context)).isEqualTo(Fingerprint.of("r", "t.j2", context));
    }
  }

  @Test
  void anyValueTheTemplateSeesChangesTheFingerprint() {
    Fingerprint.Maker maker = new Fingerprint.Maker("r");
    String first = maker.of("t.j2", context(PLATFORM, "a", List.of("id")));

    assertThat(maker.of("t.j2", context(PLATFORM, "a", List.of("id", "x")))).isNotEqualTo(first);
    assertThat(
            maker.of(
                "t.j2", context(StrictMap.of("name", "zero", "partitions", 4), "a", List.of("id"))))
        .isNotEqualTo(first);
    assertThat(maker.of("u.j2", context(PLATFORM, "a", List.of("id")))).isNotEqualTo(first);
    assertThat(new Fingerprint.Maker("s").of("t.j2", context(PLATFORM, "a", List.of("id"))))
        .isNotEqualTo(first);
    assertThat(maker.of("t.j2", context(PLATFORM, "a", List.of("id")))).isEqualTo(first);
  }
}
