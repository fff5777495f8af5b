package dev.zdp.action.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.Generator;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.ModelLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GeneratedTest {

  private static SortedMap<String, byte[]> terraform(Optional<Integer> shardSize) throws Exception {
    var model = ModelLoader.load(new DirectorySource(Path.of("..", "examples", "acme"))).model();
    SortedMap<String, byte[]> files = new TreeMap<>();
    new Generator(shardSize)
        .render(model, Optional.empty())
        .forEach(
            (path, bytes) -> {
              if (path.endsWith(".tf")) {
                files.put(path, bytes);
              }
            });
    return files;
  }

  @Test
  void shardedRootModulesGiveTheSameConnectorsAndTopicsAsOne() throws Exception {
    Variables secrets = new Variables(new TreeMap<>(Map.of("connect_url", "http://c:8083")));
    Generated one = Generated.read(terraform(Optional.empty()), secrets);
    Generated sharded = Generated.read(terraform(Optional.of(1)), secrets);

    assertThat(sharded.connectors().keySet()).hasSize(6).isEqualTo(one.connectors().keySet());
    assertThat(sharded.topics().keySet()).hasSize(18).isEqualTo(one.topics().keySet());
    assertThat(sharded.connectors().get("zero-crm-source").config())
        .isEqualTo(one.connectors().get("zero-crm-source").config())
        .containsEntry("snapshot.mode", "initial")
        .containsEntry("database.password", "");
    assertThat(sharded.connectors().get("zero-crm-source").sensitive())
        .containsExactlyInAnyOrder("database.user", "database.password");
    assertThat(sharded.variables()).containsEntry("connect_url", "http://c:8083");
    assertThat(Generated.apply(sharded.connectors().get("zero-crm-source").file()))
        .matches("terraform apply in zero/shard-00\\d/ \\(the generated root module\\)");
  }
}
