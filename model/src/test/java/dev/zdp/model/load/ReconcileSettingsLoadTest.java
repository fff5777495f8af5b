package dev.zdp.model.load;

import static dev.zdp.model.load.ModelLoaderTest.load;
import static dev.zdp.model.load.ModelLoaderTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Platform;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A platform's {@code reconcile}: the generated Airflow DAG running {@code zdp reconcile}. */
class ReconcileSettingsLoadTest {

  private static final String CONNECT = "      connect: {url: \"http://connect:8083\"}\n";

  private static LoadResult withReconcile(String reconcile) throws IOException {
    return load(resource("valid.yaml").replace(CONNECT, CONNECT + reconcile));
  }

  private static Optional<Platform.ReconcileSettings> reconcile(LoadResult result) {
    return result.model().ecosystem().orElseThrow().platforms().get(0).reconcile();
  }

  @Test
  void isOffUnlessThePlatformAsksAndThenRunsHourlyByDefault() throws IOException {
    assertThat(reconcile(load(resource("valid.yaml")))).isEmpty();

    LoadResult on = withReconcile("      reconcile: {}\n");

    assertThat(on.problems()).isEmpty();
    assertThat(reconcile(on)).contains(new Platform.ReconcileSettings(60));
  }

  @Test
  void readsTheIntervalAndRefusesOneOutOfRangeOrAnUnknownKey() throws IOException {
    assertThat(reconcile(withReconcile("      reconcile: {intervalMinutes: 15}\n")))
        .contains(new Platform.ReconcileSettings(15));

    assertThat(withReconcile("      reconcile: {intervalMinutes: 1}\n").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("between 5 and 10080"));
    assertThat(withReconcile("      reconcile: {interval: 15}\n").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("interval"));
  }
}
