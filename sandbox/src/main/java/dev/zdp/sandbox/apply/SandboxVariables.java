package dev.zdp.sandbox.apply;

import dev.zdp.model.Datastore;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.sandbox.Sandbox;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Terraform variable values that point a generated root module at the sandbox: its endpoints
 * and the credentials of its PostgreSQL and S3 store, as a tfvars file would give them. Credentials
 * the sandbox does not check (Kafka SASL, Connect basic auth, the catalog's) get a placeholder.
 */
public final class SandboxVariables {
  private static final String UNCHECKED = "sandbox";

  private SandboxVariables() {}

  /** The values for the root module(s) of {@code platform}. */
  public static Map<String, String> of(PlatformIntentions platform, Sandbox sandbox) {
    Platform settings = platform.platform();
    Map<String, String> values = new TreeMap<>();
    values.put("kafka_bootstrap_servers", sandbox.bootstrapServers());
    values.put("connect_url", sandbox.connectUrl().toString());
    values.put("iceberg_catalog_uri", sandbox.restCatalogUri().toString());
    values.put("s3_endpoint", sandbox.s3().endpoint().toString());
    for (var ingested : platform.datastores()) {
      Datastore datastore = ingested.datastore();
      credential(
          values,
          Optional.of(datastore.capture().credential()),
          sandbox.postgres().user(),
          sandbox.postgres().password());
    }
    settings
        .iceberg()
        .s3()
        .ifPresent(
            s3 ->
                credential(
                    values,
                    s3.credential(),
                    sandbox.s3().accessKeyId(),
                    sandbox.s3().secretAccessKey()));
    for (Optional<String> unchecked :
        java.util.List.of(
            settings.kafka().credential(),
            settings.connect().credential(),
            settings.iceberg().catalog().credential())) {
      credential(values, unchecked, UNCHECKED, UNCHECKED);
    }
    return values;
  }

  private static void credential(
      Map<String, String> values, Optional<String> credential, String user, String password) {
    credential.ifPresent(
        name -> {
          ZeroNames.CredentialVariables variables = ZeroNames.credentialVariables(name);
          values.putIfAbsent(variables.user(), user);
          values.putIfAbsent(variables.password(), password);
        });
  }
}
