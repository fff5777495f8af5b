package dev.zdp.model.load;

import java.util.List;
import java.util.Locale;

/**
 * Keys that hold a secret's value (a password, a token, a private key). The model format has none:
 * a credential is named ({@code credential: crm_db}), and its value lives in the CI's secret store.
 * Such a key is reported as {@link LoadProblem.Code#INLINE_SECRET}, never echoing its value.
 */
final class SecretKeys {

  /** Lower-case, without {@code _} and {@code -}; a key matches when it ends in one of these. */
  private static final List<String> WORDS =
      List.of(
          "password",
          "passwd",
          "pwd",
          "passphrase",
          "secret",
          "token",
          "apikey",
          "accesskey",
          "accesskeyid",
          "secretkey",
          "privatekey");

  private SecretKeys() {}

  /**
   * True for {@code password}, {@code apiKey}, {@code secret_key}, {@code dbPassword}, {@code
   * auth-token}, {@code secrets}…
   */
  static boolean holdsSecret(String key) {
    String normalized = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    String singular =
        normalized.endsWith("s") ? normalized.substring(0, normalized.length() - 1) : normalized;
    return WORDS.stream().anyMatch(w -> normalized.endsWith(w) || singular.endsWith(w));
  }

  /** Where the secret goes instead, for the hint. */
  static String whereSecretsGo(boolean credentialHere) {
    String name =
        credentialHere
            ? "write credential: <name> here instead"
            : "name the credential where the model asks for one (credential: <name> in a"
                + " capture, or in a platform's kafka, connect, catalog or s3 settings)";
    return "delete it and "
        + name
        + "; the secret's value belongs in the CI's secret store, which passes it to Terraform"
        + " as a sensitive variable";
  }
}
