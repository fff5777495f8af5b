package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spec.rules} may set a change rule's level (docs/rules.md, {@code zdp rules}); every
 * command that reads a model accepts that, not only {@code validate}.
 */
class ChangeRuleLevelTest {

  @TempDir Path repo;

  private Path model;

  @BeforeEach
  void commitTheExampleWithAChangeRuleLevel() throws GitAPIException {
    model = repo.resolve("model");
    Acme.copyTo(model);
    Acme.edit(
        model.resolve("ecosystem.yaml"),
        "  # rules:\n",
        "  rules:\n    column-removed: warning\n  # rules:\n");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("acme with a change rule's level")
          .setSign(false)
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .call();
    }
  }

  @Test
  void validateAcceptsIt() {
    Zdp zdp = Zdp.run("validate", "--model", model.toString());

    assertThat(zdp.exitCode()).as(zdp.out() + zdp.err()).isZero();
    assertThat(zdp.out() + zdp.err()).doesNotContain("unknown rule");
  }

  @Test
  void generateAcceptsItAndWritesTheArtifacts() {
    Path out = repo.resolve("out");

    Zdp zdp = Zdp.run("generate", "--model", model.toString(), "--out", out.toString());

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.err()).doesNotContain("unknown rule");
    assertThat(out.resolve("zero")).isDirectory();
    assertThat(Acme.tree(out)).isNotEmpty();
  }

  @Test
  void planAcceptsIt() {
    Zdp zdp = Zdp.run("plan", "--model", model.toString(), "--base", "main");

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.err()).doesNotContain("unknown rule");
  }

  @Test
  void graphAcceptsIt() {
    Zdp zdp = Zdp.run("graph", "--model", model.toString());

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.err()).doesNotContain("unknown rule");
    assertThat(zdp.out()).contains("crm");
  }

  @Test
  void anUnknownIdIsStillRejectedByEveryCommand() throws Exception {
    Acme.edit(model.resolve("ecosystem.yaml"), "column-removed: warning", "column-remove: warning");

    for (String command : new String[] {"validate", "graph"}) {
      Zdp zdp = Zdp.run(command, "--model", model.toString());
      assertThat(zdp.exitCode()).as(command).isNotZero();
      assertThat(zdp.out() + zdp.err())
          .as(command)
          .contains("unknown rule 'column-remove' in spec.rules")
          .contains("did you mean 'column-removed'?");
    }
    assertThat(Files.exists(repo.resolve("out"))).isFalse();
  }
}
