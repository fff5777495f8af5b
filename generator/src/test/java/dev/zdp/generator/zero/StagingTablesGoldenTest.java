package dev.zdp.generator.zero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.Generator;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The staging DDL of the repository's example model, byte for byte, and one dataset's live and
 * forensic MERGE jobs (the sandbox-spark module runs these very files against a real Iceberg
 * catalog: BackfillOrderTest). After an intended change of a template, rewrite the expected files
 * with {@code -Dzdp.golden.update=true} and review the diff.
 */
class StagingTablesGoldenTest {
  private static final Path ACME = Path.of("..", "examples", "acme");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "acme");
  private static final String LIVE_MERGE = "zero/merge/shop/orders.sql";
  private static final String FORENSIC_MERGE = "zero/merge/shop/orders.forensic.sql";

  @Test
  void theExampleModelsStagingTablesAreTheExpectedFiles() throws Exception {
    LoadResult loaded = ModelLoader.load(new DirectorySource(ACME).files());
    assertThat(loaded.problems()).isEmpty();
    SortedMap<String, String> staging = new TreeMap<>();
    new Generator()
        .render(loaded.model(), Optional.empty())
        .forEach(
            (path, bytes) -> {
              if (path.contains("/staging/")
                  || path.equals(LIVE_MERGE)
                  || path.equals(FORENSIC_MERGE)) {
                staging.put(path, new String(bytes, StandardCharsets.UTF_8));
              }
            });
    if (Boolean.getBoolean("zdp.golden.update")) {
      for (Map.Entry<String, String> file : staging.entrySet()) {
        Path target = GOLDEN.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
    }

    assertThat(staging.keySet())
        .containsExactly(
            FORENSIC_MERGE,
            LIVE_MERGE,
            "zero/staging/crm.sql",
            "zero/staging/fleet.sql",
            "zero/staging/shop.sql");
    assertThat(staging).isEqualTo(golden());
  }

  private static SortedMap<String, String> golden() throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(GOLDEN)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            GOLDEN.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
