package dev.zdp.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSourcesTest {

  @TempDir Path dir;

  private void write(String relative, String text) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private void writeTree() throws Exception {
    write("model/b.yaml", "b: 1\n");
    write("model/a/x.yml", "x: 1\n");
    write("model/generated/zero/out.yaml", "ignored: 1\n");
    write("model/templates/zero/datastore.tf", "ignored\n");
    write("model/.github/workflows/ci.yaml", "ignored: 1\n");
    write("model/notes.txt", "ignored\n");
    write("model/deep/generated/kept.yaml", "kept: 1\n");
  }

  @Test
  void directoryReadsYamlFilesSortedSkippingHiddenAndGeneratedDirectories() throws Exception {
    writeTree();

    List<SourceFile> files = new DirectorySource(dir.resolve("model")).files();

    String root = dir.resolve("model").toString();
    assertThat(files)
        .extracting(SourceFile::path)
        .containsExactly(root + "/a/x.yml", root + "/b.yaml", root + "/deep/generated/kept.yaml");
  }

  @Test
  void aSymlinkedModelFileInsideTheDirectoryIsReadAndOneLeadingOutsideIsAnError() throws Exception {
    write("model/real/a.yaml", "a: 1\n");
    Files.createSymbolicLink(dir.resolve("model/b.yaml"), dir.resolve("model/real/a.yaml"));
    String root = dir.resolve("model").toString();

    assertThat(new DirectorySource(dir.resolve("model")).files())
        .extracting(SourceFile::path)
        .containsExactly(root + "/b.yaml", root + "/real/a.yaml");

    write("elsewhere/c.yaml", "c: 1\n");
    Files.createSymbolicLink(dir.resolve("model/c.yaml"), dir.resolve("elsewhere/c.yaml"));
    assertThatThrownBy(() -> new DirectorySource(dir.resolve("model")).files())
        .isInstanceOf(ModelSourceException.class)
        .hasMessage(
            "model file '"
                + root
                + "/c.yaml' is a symbolic link to '"
                + dir.resolve("elsewhere/c.yaml").toRealPath()
                + "', outside the model directory; zdp reads only files inside it (copy the file"
                + " in, or link to a file inside the directory)");
  }

  @Test
  void aDamagedRepositorySaysSoInsteadOfAdvisingAFetch() throws Exception {
    write("model/a.yaml", "a: 1\n");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      RevCommit commit = commit(git, "first");
      String blob;
      try (org.eclipse.jgit.treewalk.TreeWalk walk =
          org.eclipse.jgit.treewalk.TreeWalk.forPath(
              git.getRepository(), "model/a.yaml", commit.getTree())) {
        blob = walk.getObjectId(0).name();
      }
      Files.delete(
          dir.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2)));

      assertThatThrownBy(() -> new GitCommitSource(dir.resolve("model"), "HEAD").files())
          .isInstanceOf(ModelSourceException.class)
          .hasMessageContaining("is damaged")
          .hasMessageContaining("git fsck")
          .hasMessageNotContaining("git fetch");
    }
  }

  @Test
  void anUnreadableFileSaysWhy() throws Exception {
    write("model/a.yaml", "a: 1\n");
    Path file = dir.resolve("model/a.yaml");
    file.toFile().setReadable(false);
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as root");

    assertThatThrownBy(() -> new DirectorySource(dir.resolve("model")).files())
        .isInstanceOf(ModelSourceException.class)
        .hasMessageContaining("permission denied reading '" + file + "'");
  }

  @Test
  void missingDirectoryIsOneClearMessage() {
    assertThatThrownBy(() -> new DirectorySource(dir.resolve("nope")).files())
        .isInstanceOf(ModelSourceException.class)
        .hasMessageContaining("does not exist")
        .hasMessageContaining("--model");
  }

  @Test
  void gitCommitIsReadWithoutCheckout() throws Exception {
    writeTree();
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      RevCommit first = commit(git, "first");
      write("model/b.yaml", "b: 2\n");
      Files.delete(dir.resolve("model/a/x.yml"));
      git.add().addFilepattern(".").call();
      git.rm().addFilepattern("model/a/x.yml").call();
      commit(git, "second");

      List<SourceFile> atFirst = new GitCommitSource(dir.resolve("model"), first.name()).files();
      List<SourceFile> atHead = new GitCommitSource(dir.resolve("model"), "HEAD").files();

      assertThat(atFirst)
          .extracting(SourceFile::path)
          .containsExactly("model/a/x.yml", "model/b.yaml", "model/deep/generated/kept.yaml");
      assertThat(new String(atFirst.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("b: 1\n");
      assertThat(atHead).extracting(SourceFile::path).doesNotContain("model/a/x.yml");
      assertThat(new String(atHead.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("b: 2\n");
    }
  }

  @Test
  void theContentIdChangesWithTheModelDirectoryAndOnlyWithIt() throws Exception {
    writeTree();
    write("elsewhere/other.yaml", "o: 1\n");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      RevCommit first = commit(git, "first");
      write("elsewhere/other.yaml", "o: 2\n"); // outside the model directory
      git.add().addFilepattern(".").call();
      RevCommit outside = commit(git, "outside");
      write("model/b.yaml", "b: 2\n");
      git.add().addFilepattern(".").call();
      RevCommit inside = commit(git, "inside");
      write("model/b.yaml", "b: 1\n"); // back to the first commit's bytes
      git.add().addFilepattern(".").call();
      RevCommit back = commit(git, "back");

      Path model = dir.resolve("model");
      String atFirst = new GitCommitSource(model, first.name()).contentId();
      assertThat(atFirst).startsWith("model:").hasSize("model:".length() + 40);
      assertThat(new GitCommitSource(model, outside.name()).contentId()).isEqualTo(atFirst);
      assertThat(new GitCommitSource(model, inside.name()).contentId()).isNotEqualTo(atFirst);
      assertThat(new GitCommitSource(model, back.name()).contentId()).isEqualTo(atFirst);
      assertThat(new GitCommitSource(dir, first.name()).contentId())
          .startsWith(":")
          .isNotEqualTo(new GitCommitSource(dir, outside.name()).contentId());
    }
  }

  @Test
  void locationsOfAModelReadFromGitComeFromItsCommitNotTheWorkTree() throws Exception {
    String team = "apiVersion: zdp/v1\nkind: Team\nmetadata:\n  name: sales\n";
    write("model/team.yaml", team);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      RevCommit first = commit(git, "first");
      write("model/team.yaml", "# moved down\n# by two lines\n" + team);

      List<SourceFile> files = new GitCommitSource(dir.resolve("model"), first.name()).files();
      Model model = ModelLoader.load(files).model();

      assertThat(files.get(0).reread().orElseThrow().content()).isEqualTo(files.get(0).content());
      assertThat(model.locate(ObjectPath.of(Kind.TEAM, "sales")))
          .contains(new SourceLocation("model/team.yaml", 4, 9));
    }
  }

  @Test
  void aDirectoryFileReadsItsBytesAgain() throws Exception {
    writeTree();

    SourceFile file = new DirectorySource(dir.resolve("model")).files().get(1);

    assertThat(file.reread().orElseThrow().content()).isEqualTo(file.content());
  }

  @Test
  void unknownRefIsOneClearMessage() throws Exception {
    writeTree();
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      commit(git, "first");
    }
    assertThatThrownBy(() -> new GitCommitSource(dir.resolve("model"), "no-such-branch").files())
        .isInstanceOf(ModelSourceException.class)
        .hasMessageContaining("unknown git ref 'no-such-branch'");
  }

  @Test
  void shallowCloneMissingTheBaseSaysToFetchIt() throws Exception {
    writeTree();
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      commit(git, "first");
    }
    Files.writeString(dir.resolve(".git/shallow"), "");
    assertThatThrownBy(
            () ->
                new GitCommitSource(
                        dir.resolve("model"), "0123456789abcdef0123456789abcdef01234567")
                    .files())
        .isInstanceOf(ModelSourceException.class)
        .hasMessageContaining("shallow")
        .hasMessageContaining("fetch");
  }

  @Test
  void directoryOutsideAnyRepository() throws Exception {
    Path lonely = Files.createTempDirectory("zdp-no-git");
    try {
      assertThatThrownBy(() -> new GitCommitSource(lonely, "HEAD").files())
          .isInstanceOf(ModelSourceException.class);
    } finally {
      Files.delete(lonely);
    }
  }

  private static RevCommit commit(Git git, String message) throws Exception {
    return git.commit()
        .setMessage(message)
        .setAuthor("t", "t@example.com")
        .setCommitter("t", "t@example.com")
        .setSign(false)
        .call();
  }
}
