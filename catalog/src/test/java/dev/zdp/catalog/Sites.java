package dev.zdp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Model;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The models the catalog tests draw: the repository's example, and a copy with hostile text. */
final class Sites {

  static final Path ACME = Path.of("..", "examples", "acme");

  /**
   * A description that would run script and bold text if it were ever parsed as markup, ending in
   * text outside ASCII.
   */
  static final String HOSTILE =
      "<script>window.zdpInjected = 1</script><b>bold</b> & <img src=x onerror=\"window.zdpInjected = 2\"> café — naïve";

  private Sites() {}

  static Model load(Path dir) throws Exception {
    LoadResult loaded = ModelLoader.load(new DirectorySource(dir).files());
    assertThat(loaded.problems()).isEmpty();
    return loaded.model();
  }

  /**
   * The example copied into {@code dir}, with {@link #HOSTILE} as the description of {@code
   * crm.customers} and of its column {@code email}.
   */
  static Path hostileAcme(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(ACME)) {
      for (Path p : walk.toList()) {
        Path target = dir.resolve(ACME.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Path crm = dir.resolve("teams/customer_team/crm.yaml");
    String yaml = Files.readString(crm, StandardCharsets.UTF_8);
    String quoted = "'" + HOSTILE.replace("'", "''") + "'";
    String changed =
        yaml.replace("description: One row per customer account", "description: " + quoted)
            .replace(
                "{name: email, type: varchar(320)}",
                "{name: email, type: varchar(320), description: " + quoted + "}");
    assertThat(changed).isNotEqualTo(yaml).contains(quoted);
    Files.writeString(crm, changed, StandardCharsets.UTF_8);
    return dir;
  }
}
