package dev.zdp.action.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a workflow author sees of the action: action.yml declares the inputs and outputs of the
 * action's contract (docs/action.md), and the image it builds runs {@code zdp action} with the
 * runtime the build tests ({@link PackagedRuntimeIT}).
 */
class ActionDefinitionIT {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void declaresEveryInputOfTheContractWithItsDefault() throws IOException {
    JsonNode action =
        new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("action.yml").toFile());

    Map<String, String> defaults = new LinkedHashMap<>();
    action
        .get("inputs")
        .fields()
        .forEachRemaining(e -> defaults.put(e.getKey(), e.getValue().get("default").asText()));
    assertThat(defaults)
        .containsExactlyEntriesOf(
            orderedMap(
                "model-path", ".",
                "deploy", "none",
                "output-path", "generated",
                "commit-branch", "",
                "token", "${{ github.token }}",
                "allow-breaking-changes-label", "allow-breaking-changes",
                "fail-on-warnings", "false",
                "shard-size", "",
                "github-api-url", "${{ github.api_url }}",
                "sarif-path", "zdp.sarif",
                "docs-out", "",
                "cache", ""));
    action
        .get("inputs")
        .forEach(input -> assertThat(input.get("description").asText()).isNotBlank());
  }

  @Test
  void declaresEveryOutputOfTheContract() throws IOException {
    JsonNode action =
        new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("action.yml").toFile());

    List<String> outputs = new ArrayList<>();
    action.get("outputs").fieldNames().forEachRemaining(outputs::add);
    assertThat(outputs)
        .containsExactly(
            "errors",
            "warnings",
            "plan-add",
            "plan-change",
            "plan-destroy",
            "plan-destructive",
            "artifacts-changed",
            "sarif-path",
            "verdict");
    action
        .get("outputs")
        .forEach(output -> assertThat(output.get("description").asText()).isNotBlank());
  }

  @Test
  void runsTheDockerfileWhoseEntrypointIsZdpAction() throws IOException {
    JsonNode runs =
        new ObjectMapper(new YAMLFactory())
            .readTree(ROOT.resolve("action.yml").toFile())
            .get("runs");
    List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));

    assertThat(runs.get("using").asText()).isEqualTo("docker");
    assertThat(runs.get("image").asText()).isEqualTo("Dockerfile");
    // args would be appended to the entrypoint: `zdp action action`
    assertThat(runs.has("args")).isFalse();
    assertThat(dockerfile).last().isEqualTo("ENTRYPOINT [\"zdp\", \"action\"]");
  }

  @Test
  void theImageLinksItsRuntimeWithTheScriptTheBuildTests() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

    assertThat(dockerfile)
        .contains("packaging/jlink.sh /opt/zdp /opt/zdp/runtime")
        .contains("COPY packaging/zdp /opt/zdp/bin/zdp")
        .contains("COPY packaging/jvm-defaults.sh /opt/zdp/libexec/jvm-defaults.sh")
        .contains("zdp_build_id /opt/zdp/zdp.jar /opt/zdp/lib >/opt/zdp/build-id")
        .contains("/opt/zdp/libexec/appcds.sh /opt/zdp ")
        .contains("sha256sum -c");
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
