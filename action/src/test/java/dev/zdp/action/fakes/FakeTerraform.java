package dev.zdp.action.fakes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A {@code terraform} on PATH for tests, where the real providers cannot be downloaded: a shell
 * script that records each call ({@code <module directory name> <arguments>}, one line) and behaves
 * like Terraform converging on its configuration. {@code plan -detailed-exitcode} exits 0 ("No
 * changes") when the module's {@code .tf} files are those of its last apply and 2 otherwise; {@code
 * apply tfplan} records them as applied. {@code FAKE_TF_FAIL=<step>} makes that step fail with a
 * Terraform-style boxed error; {@code FAKE_TF_APPLY_SECONDS} makes every apply take that long. Two
 * applies running at once (in any module) add a line {@code OVERLAP} to the calls.
 */
public final class FakeTerraform {

  private static final String SCRIPT =
      """
      #!/bin/sh
      echo "$(basename "$PWD") $*${TF_VAR_kafka_password:+ TF_VAR_kafka_password=$TF_VAR_kafka_password}" >> "$FAKE_TF_CALLS"
      if [ "$1" = "$FAKE_TF_FAIL" ]; then
        printf '\\033[31m╷\\033[0m\\n\\033[31m│\\033[0m \\033[1;31mError: \\033[0m%s went wrong\\n\\033[31m│\\033[0m\\n' "$1" >&2
        exit 1
      fi
      case "$1" in
        init) echo "Terraform has been successfully initialized!" ;;
        plan)
          now="$(cat ./*.tf | cksum)"
          if [ -f .fake-applied ] && [ "$(cat .fake-applied)" = "$now" ]; then
            echo "No changes. Your infrastructure matches the configuration."
            exit 0
          fi
          echo "$now" > tfplan
          echo "Plan: 1 to add, 0 to change, 0 to destroy."
          exit 2 ;;
        apply)
          if ! mkdir "$FAKE_TF_CALLS.applying" 2>/dev/null; then echo OVERLAP >> "$FAKE_TF_CALLS"; fi
          sleep "${FAKE_TF_APPLY_SECONDS:-0}"
          cp tfplan .fake-applied
          rmdir "$FAKE_TF_CALLS.applying" 2>/dev/null
          echo "Apply complete! Resources: 1 added, 0 changed, 0 destroyed." ;;
      esac
      exit 0
      """;

  private final Path bin;
  private final Path calls;

  private FakeTerraform(Path bin, Path calls) {
    this.bin = bin;
    this.calls = calls;
  }

  /** Writes the script into {@code dir/bin/terraform}; calls are recorded in {@code dir}. */
  public static FakeTerraform install(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path script = bin.resolve("terraform");
    Files.writeString(script, SCRIPT);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new FakeTerraform(bin, dir.resolve("terraform-calls.txt"));
  }

  /** {@code PATH} (this script first) and where to record the calls. */
  public Map<String, String> environment() {
    return Map.of("PATH", bin + ":/usr/bin:/bin", "FAKE_TF_CALLS", calls.toString());
  }

  /** Every call so far, in order; empty when none was made. */
  public List<String> calls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  /** The calls so far that were {@code terraform apply}. */
  public List<String> applies() throws IOException {
    return calls().stream().filter(c -> c.contains(" apply ")).toList();
  }

  /** Forgets the calls so far. */
  public void clear() throws IOException {
    Files.deleteIfExists(calls);
  }
}
