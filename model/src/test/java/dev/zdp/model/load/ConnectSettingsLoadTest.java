package dev.zdp.model.load;

import static dev.zdp.model.load.ModelLoaderTest.load;
import static dev.zdp.model.load.ModelLoaderTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Platform;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The platform's Connect settings: heartbeats and credentials by config-provider reference. */
class ConnectSettingsLoadTest {

  private static LoadResult withConnect(String connect) throws IOException {
    return load(
        resource("valid.yaml").replace("      connect: {url: \"http://connect:8083\"}\n", connect));
  }

  private static Platform.ConnectSettings connect(LoadResult result) {
    return result.model().ecosystem().orElseThrow().platforms().get(0).connect();
  }

  @Test
  void defaultsToATenSecondHeartbeatAndTerraformVariables() throws IOException {
    LoadResult result = load(resource("valid.yaml"));

    assertThat(result.problems()).isEmpty();
    assertThat(connect(result).heartbeatIntervalMs()).isEqualTo(10_000);
    assertThat(connect(result).heartbeatActionQuery()).isEmpty();
    assertThat(connect(result).configProvider()).isEmpty();
  }

  @Test
  void readsHeartbeatsAndAConfigProvider() throws IOException {
    LoadResult result =
        withConnect(
            "      connect:\n"
                + "        url: \"http://connect:8083\"\n"
                + "        heartbeatIntervalMs: 30000\n"
                + "        heartbeatActionQuery: \"INSERT INTO hb VALUES (1, now())\"\n"
                + "        configProvider: {type: file, path: /etc/kafka-connect/zdp.properties}\n");

    assertThat(result.problems()).isEmpty();
    assertThat(connect(result).heartbeatIntervalMs()).isEqualTo(30_000);
    assertThat(connect(result).heartbeatActionQuery()).contains("INSERT INTO hb VALUES (1, now())");
    assertThat(connect(result).configProvider())
        .contains(
            new Platform.ConfigProvider("file", Optional.of("/etc/kafka-connect/zdp.properties")));
  }

  @Test
  void theFileProviderNeedsAPathAReferenceCanCarry() throws IOException {
    LoadResult missing =
        withConnect(
            "      connect: {url: \"http://connect:8083\", configProvider: {type: file}}\n");
    assertThat(missing.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("path").contains("m.yaml:14"));

    LoadResult colon =
        withConnect(
            "      connect: {url: \"http://connect:8083\","
                + " configProvider: {type: file, path: \"C:/secrets}\"}}\n");
    assertThat(colon.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.toString())
                    .contains("cannot carry ':', '{', '}'")
                    .contains("m.yaml:14"));

    LoadResult vault =
        withConnect(
            "      connect: {url: \"http://connect:8083\", configProvider: {type: vault}}\n");
    assertThat(vault.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("must be one of file, env"));
  }

  @Test
  void aHeartbeatBelowOneSecondIsRefused() throws IOException {
    LoadResult result =
        withConnect("      connect: {url: \"http://connect:8083\", heartbeatIntervalMs: 10}\n");

    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("between 1000 and 86400000"));
  }
}
