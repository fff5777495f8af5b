package dev.zdp.sandbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zdp.model.Model;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.sandbox.Sandbox;
import dev.zdp.sandbox.apply.Deployment;
import dev.zdp.sandbox.apply.SandboxVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files that tell other processes how to reach a running sandbox, in its work directory:
 * {@value #JSON} (endpoints, for scripts and tests) and {@value #TFVARS} (the generated Terraform
 * variables' values, for {@code zdp status --var-file} and {@code terraform apply}). Written once
 * the stack is ready, removed when it stops. Both hold the sandbox's local credentials, so only the
 * owner may read them.
 */
final class SandboxFiles implements AutoCloseable {
  static final String JSON = "sandbox.json";
  static final String TFVARS = "sandbox.tfvars";

  private final Path workDir;

  private SandboxFiles(Path workDir) {
    this.workDir = workDir;
  }

  /** Writes both files for {@code sandbox}; {@code queryUrl} and {@code token} reach its Spark. */
  static SandboxFiles write(Sandbox sandbox, Model model, URI queryUrl, String token) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    ObjectNode postgres = root.putObject("postgres");
    postgres.put("host", sandbox.postgres().host());
    postgres.put("port", sandbox.postgres().port());
    postgres.put("user", sandbox.postgres().user());
    postgres.put("password", sandbox.postgres().password());
    root.putObject("kafka").put("bootstrapServers", sandbox.bootstrapServers());
    root.putObject("connect").put("url", sandbox.connectUrl().toString());
    root.putObject("catalog").put("uri", sandbox.restCatalogUri().toString());
    root.putObject("s3").put("endpoint", sandbox.s3().endpoint().toString());
    // how `zdp sandbox query` reaches this sandbox's Spark session (not part of the contract)
    ObjectNode query = root.putObject("query");
    query.put("url", queryUrl.toString());
    query.put("token", token);
    SandboxFiles files = new SandboxFiles(sandbox.workDir());
    try {
      files.replace(JSON, json.writeValueAsString(root) + "\n");
      files.replace(TFVARS, tfvars(model, sandbox));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + JSON + " in " + sandbox.workDir(), e);
    }
    return files;
  }

  /** Rewrites {@value #TFVARS} for a changed model (a new datastore brings new variables). */
  void update(Sandbox sandbox, Model model) {
    try {
      replace(TFVARS, tfvars(model, sandbox));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + TFVARS + " in " + workDir, e);
    }
  }

  /** Every Zero platform's variable values, as HCL assignments in name order. */
  static String tfvars(Model model, Sandbox sandbox) {
    Map<String, String> values = new TreeMap<>();
    for (PlatformIntentions platform : Deployment.platforms(model)) {
      values.putAll(SandboxVariables.of(platform, sandbox));
    }
    StringBuilder text =
        new StringBuilder(
            "# The running sandbox's endpoints and credentials as the values of the generated\n"
                + "# Terraform variables, written by zdp sandbox; removed when it stops.\n");
    values.forEach(
        (name, value) -> text.append(name).append(" = ").append(hclString(value)).append('\n'));
    return text.toString();
  }

  /** A quoted HCL string: backslash, quote, newline and template sequences escaped. */
  static String hclString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '$', '%' -> {
          out.append(c);
          if (i + 1 < value.length() && value.charAt(i + 1) == '{') {
            out.append(c);
          }
        }
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Writes {@code name} atomically, readable by the owner only. */
  private void replace(String name, String content) throws IOException {
    Path temporary = Files.createTempFile(workDir, "." + name, ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // the file system has no POSIX permissions (Windows)
    }
    Files.writeString(temporary, content);
    Files.move(
        temporary,
        workDir.resolve(name),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes both files: the sandbox no longer runs. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(workDir.resolve(JSON));
    Files.deleteIfExists(workDir.resolve(TFVARS));
  }
}
