package dev.zdp.action.ci;

import dev.zdp.model.RepositoryRef;
import java.util.List;
import java.util.Optional;

/** Why the action runs: a proposed change to check, or the live branch to deploy. */
public sealed interface Trigger {

  /**
   * A pull request (GitHub) or merge request (GitLab).
   *
   * @param number the pull request's number or the merge request's iid
   * @param baseSha the commit the change is judged against (the live model)
   * @param headSha the proposed commit
   * @param changeSource who proposes it: the head repository and branch
   */
  record ChangeRequest(
      long number, String baseSha, String headSha, RepositoryRef changeSource, List<String> labels)
      implements Trigger {
    public ChangeRequest {
      labels = List.copyOf(labels);
    }
  }

  /**
   * A push, a scheduled run or a manual run on a branch: generate and deploy when it is the live
   * branch.
   *
   * @param event how the run was started, for messages: GitHub's event name ({@code push}, {@code
   *     schedule}, {@code workflow_dispatch}) or GitLab's pipeline source ({@code push}, {@code
   *     schedule}, {@code web}, ...)
   * @param before the commit the branch held before the push, as the CI says (GitHub's push payload
   *     {@code before}, GitLab's {@code CI_COMMIT_BEFORE_SHA}; all zeros for a new branch); empty
   *     when it does not say (a scheduled or manual run)
   */
  record LiveUpdate(String sha, String branch, String event, Optional<String> before)
      implements Trigger {

    /**
     * Who started a run that no push started, for the log and the summary: {@code "a schedule"}
     * (GitHub's {@code schedule} event, a GitLab pipeline schedule) or {@code "hand"} (GitHub's
     * {@code workflow_dispatch}, GitLab's "Run pipeline"); empty for a push and anything else.
     */
    public Optional<String> startedBy() {
      return switch (event) {
        case "schedule" -> Optional.of("a schedule");
        case "workflow_dispatch", "web" -> Optional.of("hand");
        default -> Optional.empty();
      };
    }
  }
}
