package dev.zdp.action.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The workflows docs/action.md gives for the reconcile loop are YAML that parses, and say what the
 * page promises: GitHub runs the apply on push, schedule and by hand in the deploy's concurrency
 * group; GitLab runs a job in scheduled pipelines only, in the deploy's resource group, and keeps
 * the other jobs out of them.
 */
class ReconcileWorkflowDocsTest {

  private static final Pattern YAML_BLOCK = Pattern.compile("(?s)```yaml\n(.*?)```");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static List<JsonNode> yamlBlocks(String doc) throws Exception {
    String text = Files.readString(Path.of("..", "docs", doc));
    List<JsonNode> blocks = new ArrayList<>();
    Matcher block = YAML_BLOCK.matcher(text);
    while (block.find()) {
      blocks.add(YAML.readTree(block.group(1)));
    }
    return blocks;
  }

  private static JsonNode withField(List<JsonNode> blocks, String field) {
    return blocks.stream()
        .filter(b -> b.has(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no YAML block with '" + field + "'"));
  }

  @Test
  void theGithubWorkflowAppliesOnPushScheduleAndByHandInTheDeploysConcurrencyGroup()
      throws Exception {
    JsonNode workflow = withField(yamlBlocks("action.md"), "on");

    JsonNode on = workflow.get("on");
    assertThat(on.get("push").get("branches").get(0).asText()).isEqualTo("main");
    assertThat(on.get("schedule").get(0).get("cron").asText()).matches("\\S+( \\S+){4}");
    assertThat(on.has("workflow_dispatch")).isTrue();
    assertThat(workflow.get("concurrency").get("cancel-in-progress").asBoolean()).isFalse();
    String group = workflow.get("concurrency").get("group").asText();
    // the group of the deploy workflows of github.md, so they never apply at once
    assertThat(yamlBlocks("github.md"))
        .filteredOn(b -> b.has("concurrency"))
        .isNotEmpty()
        .allMatch(b -> b.get("concurrency").get("group").asText().equals(group));
    JsonNode step = workflow.get("jobs").get("apply").get("steps").get(1);
    assertThat(step.get("uses").asText()).startsWith("zdp-dev/zdp@");
    assertThat(step.get("with").get("deploy").asText()).isEqualTo("apply");
  }

  @Test
  void theGitlabFileRunsReconcileInScheduledPipelinesOnlyInTheDeploysResourceGroup()
      throws Exception {
    JsonNode file = withField(yamlBlocks("action.md"), "zdp:reconcile");

    JsonNode reconcile = file.get("zdp:reconcile");
    assertThat(reconcile.get("rules").get(0).get("if").asText())
        .contains("$CI_PIPELINE_SOURCE == \"schedule\"");
    assertThat(reconcile.get("variables").get("ZDP_DEPLOY").asText()).isEqualTo("apply");
    String group = reconcile.get("resource_group").asText();
    assertThat(file.get("zdp:deploy").get("resource_group").asText()).isEqualTo(group);
    JsonNode gitlabDeploy = withField(yamlBlocks("gitlab.md"), "zdp:deploy").get("zdp:deploy");
    assertThat(gitlabDeploy.get("resource_group").asText()).isEqualTo(group);
    for (JsonNode job : List.of(file.get("zdp:deploy"), file.get("zdp:report"), gitlabDeploy)) {
      JsonNode first = job.get("rules").get(0);
      assertThat(first.get("if").asText()).isEqualTo("$CI_PIPELINE_SOURCE == \"schedule\"");
      assertThat(first.get("when").asText()).isEqualTo("never");
    }
  }
}
