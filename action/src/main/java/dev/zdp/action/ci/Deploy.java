package dev.zdp.action.ci;

import java.util.Locale;

/** What a run on the live branch does with the generated artifacts: the {@code deploy} input. */
public enum Deploy {
  /** Report what would change; write nothing. */
  NONE,
  /** Write the artifacts into the output path, commit them and push. */
  COMMIT,
  /** Write the artifacts and run terraform init, plan and apply in each root module. */
  APPLY;

  public String input() {
    return name().toLowerCase(Locale.ROOT);
  }
}
