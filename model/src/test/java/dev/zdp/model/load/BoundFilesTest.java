package dev.zdp.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code zdp plan --base} does: the head is read from the work tree, the base from a commit,
 * and the base takes the objects of every file whose bytes did not change instead of binding it
 * again, so both models share them.
 */
class BoundFilesTest {

  @TempDir Path dir;

  @Test
  void theBaseSharesTheObjectsOfEveryFileTheHeadDidNotChange() throws Exception {
    Path acme = examples().resolve("acme");
    try (Stream<Path> walk = Files.walk(acme)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path copy = dir.resolve(acme.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("acme")
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .setSign(false)
          .call();
    }
    Path crm = dir.resolve("teams/customer_team/crm.yaml");
    Files.writeString(
        crm,
        Files.readString(crm)
            .replace(
                "description: The CRM's operational database",
                "description: The CRM's operational database, changed"),
        StandardCharsets.UTF_8);
    Path fleet = dir.resolve("teams/logistics_team/fleet.yaml");
    Files.move(fleet, fleet.resolveSibling("vehicles.yaml"));

    BoundFiles shared = new BoundFiles();
    Model head = ModelLoader.load(new DirectorySource(dir).files(), shared).model();
    LoadResult base = ModelLoader.load(new GitCommitSource(dir, "main").files(), shared);
    LoadResult baseAlone = ModelLoader.load(new GitCommitSource(dir, "main").files());

    assertThat(base.problems()).isEqualTo(baseAlone.problems());
    assertThat(base.model().datastores()).isEqualTo(baseAlone.model().datastores());
    assertThat(base.model().teams()).isEqualTo(baseAlone.model().teams());
    assertThat(base.model().workspaces()).isEqualTo(baseAlone.model().workspaces());
    assertThat(base.model().definitions()).isEqualTo(baseAlone.model().definitions());

    Map<String, Datastore> headStores = byName(head);
    Map<String, Datastore> baseStores = byName(base.model());
    assertThat(baseStores).containsKeys("crm", "fleet", "shop");
    assertThat(baseStores.get("shop")).isSameAs(headStores.get("shop"));
    assertThat(baseStores.get("fleet")).isSameAs(headStores.get("fleet"));
    assertThat(baseStores.get("crm")).isNotSameAs(headStores.get("crm"));
    assertThat(baseStores.get("crm").description()).isEqualTo("The CRM's operational database");
    assertThat(headStores.get("crm").description())
        .isEqualTo("The CRM's operational database, changed");

    // the file renamed in the head is located under its name in the base
    ObjectPath fleetStore = ObjectPath.of(Kind.DATASTORE, "fleet");
    assertThat(base.model().sources().exact(fleetStore).map(SourceLocation::file))
        .contains("teams/logistics_team/fleet.yaml");
    assertThat(head.sources().exact(fleetStore).map(SourceLocation::file).orElseThrow())
        .endsWith("teams/logistics_team/vehicles.yaml");
  }

  private static Map<String, Datastore> byName(Model model) {
    return model.datastores().stream()
        .collect(Collectors.toMap(Datastore::name, Function.identity()));
  }

  private static Path examples() {
    Path at = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(at.resolve("examples/acme"))) {
      at = at.getParent();
    }
    return at.resolve("examples");
  }
}
