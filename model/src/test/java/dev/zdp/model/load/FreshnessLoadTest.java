package dev.zdp.model.load;

import static dev.zdp.model.load.ModelLoaderTest.load;
import static dev.zdp.model.load.ModelLoaderTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Durations;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IntentionGraph;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Freshness objectives: a dataset's, a dataset group's and a platform's, the strictest applying.
 */
class FreshnessLoadTest {

  private static final String PLATFORM = "      connect: {url: \"http://connect:8083\"}\n";
  private static final String DATASET = "      classifications: [pii]\n";
  private static final String GROUP = "      requirements: {milestoning: forensic}\n";

  private static LoadResult with(String platform, String dataset, String group) throws IOException {
    return load(
        resource("valid.yaml")
            .replace(PLATFORM, PLATFORM + platform)
            .replace(DATASET, DATASET + dataset)
            .replace(GROUP, GROUP + group));
  }

  private static Duration objective(Model model) {
    Platform platform = model.ecosystem().orElseThrow().platforms().get(0);
    IngestedDataset customers =
        IntentionGraph.of(model).platforms().get(0).datastores().get(0).datasets().get(0);
    return customers.freshness(platform);
  }

  @Test
  void isTheStrictestOfTheDatasetsAndItsGroupsElseThePlatformsElseADay() throws IOException {
    assertThat(objective(load(resource("valid.yaml")).model())).isEqualTo(Duration.ofDays(1));
    assertThat(objective(with("      freshness: 2h\n", "", "").model()))
        .isEqualTo(Duration.ofHours(2));

    LoadResult both =
        with("      freshness: 2h\n", "      freshness: 1h\n", "      freshness: 15m\n");

    assertThat(both.problems()).isEmpty();
    assertThat(objective(both.model())).isEqualTo(Duration.ofMinutes(15));
    assertThat(objective(with("", "      freshness: 30s\n", "      freshness: 1d\n").model()))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refusesADurationNotWrittenAsANumberAndAUnitAtItsLine() throws IOException {
    LoadResult result = with("", "      freshness: 90 minutes\n", "");

    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.toString())
                    .contains("m.yaml:49:18")
                    .contains("'freshness' in dataset 'customers' is '90 minutes'")
                    .contains("30s, 15m, 2h or 1d"));
    assertThat(with("      freshness: 400d\n", "", "").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("at most 365d"));
    assertThat(with("", "", "      freshness: 0m\n").problems()).hasSize(1);
  }

  @Test
  void formatsDurationsInTheirTwoLargestUnits() {
    assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Durations.format(Duration.ofMinutes(130))).isEqualTo("2h 10m");
    assertThat(Durations.format(Duration.ofHours(76).plusSeconds(5))).isEqualTo("3d 4h");
    assertThat(Durations.format(Duration.ofHours(2).plusSeconds(5))).isEqualTo("2h");
  }
}
