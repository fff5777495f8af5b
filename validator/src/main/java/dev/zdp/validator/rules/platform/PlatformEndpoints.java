package dev.zdp.validator.rules.platform;

import dev.zdp.model.Ecosystem;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.Secrets;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A platform's endpoints are what their clients take, and nothing more: {@code
 * kafka.bootstrapServers} is {@code host:port[,host:port...]}; {@code connect.url}, {@code
 * iceberg.catalog.uri} and {@code iceberg.s3.endpoint} are absolute URIs ({@code http(s)://...}, a
 * catalog also {@code jdbc:...} or {@code thrift://...}); {@code iceberg.warehouse} is an absolute
 * URI ({@code s3://bucket/path}); {@code iceberg.s3.region} is a region name ({@code eu-west-1}).
 * None may hold a credential (a password in the URL or its query): those are the {@code
 * credential}'s secret, which reaches the generated files only as a sensitive variable. These
 * values land in Terraform, connector configs and the DAG's command line, so a value outside these
 * forms is refused here, at its line.
 */
@RuleInfo(
    id = "platform-endpoint",
    severity = Severity.ERROR,
    summary = "A platform's URLs, bootstrap servers and region are well-formed and hold no secret")
public final class PlatformEndpoints implements Rule {

  /** An AWS region ({@code us-east-1}, {@code us-gov-west-1}) or a store's own ({@code auto}). */
  static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final Set<String> HTTP = Set.of("http", "https");
  private static final Set<String> CATALOG = Set.of("http", "https", "jdbc", "thrift");

  @Override
  public void check(Model model, Findings findings) {
    if (model.ecosystem().isEmpty()) {
      return;
    }
    Ecosystem ecosystem = model.ecosystem().get();
    for (Platform platform : ecosystem.platforms()) {
      ObjectPath path =
          ObjectPath.of(Kind.ECOSYSTEM, ecosystem.name()).item("platforms", platform.name());
      String of = "Platform '" + platform.name() + "': ";
      bootstrapServers(
          findings, path.field("kafka").field("bootstrapServers"), of, platform.kafka());
      url(
          findings,
          path.field("connect").field("url"),
          of + "connect url",
          platform.connect().url(),
          HTTP,
          "http://connect:8083",
          "connect");
      ObjectPath iceberg = path.field("iceberg");
      platform
          .iceberg()
          .catalog()
          .uri()
          .ifPresent(
              uri ->
                  url(
                      findings,
                      iceberg.field("catalog").field("uri"),
                      of + "catalog uri",
                      uri,
                      CATALOG,
                      "http://iceberg-rest:8181",
                      "catalog"));
      url(
          findings,
          iceberg.field("warehouse"),
          of + "warehouse",
          platform.iceberg().warehouse(),
          Set.of(),
          "s3://lake/warehouse",
          "s3");
      platform
          .iceberg()
          .s3()
          .ifPresent(
              s3 -> {
                s3.endpoint()
                    .ifPresent(
                        endpoint ->
                            url(
                                findings,
                                iceberg.field("s3").field("endpoint"),
                                of + "s3 endpoint",
                                endpoint,
                                HTTP,
                                "http://minio:9000",
                                "s3"));
                if (!REGION.matcher(s3.region()).matches() || s3.region().length() > 64) {
                  findings.report(
                      iceberg.field("s3").field("region"),
                      of + "s3 region '" + s3.region() + "' is not a region name",
                      "write a region such as eu-west-1 (lower-case letters and digits joined by"
                          + " -)");
                }
              });
    }
  }

  private static void bootstrapServers(
      Findings findings, ObjectPath path, String of, Platform.KafkaSettings kafka) {
    String servers = kafka.bootstrapServers();
    Optional<String> secret = Secrets.find(servers);
    if (secret.isPresent() || servers.contains("@")) {
      credentialFinding(findings, path, of + "kafka bootstrapServers", "kafka");
      return;
    }
    for (String server : servers.split(",", -1)) {
      Optional<String> problem = hostPort(server);
      if (problem.isPresent()) {
        findings.report(
            path,
            of + "kafka bootstrapServers entry '" + server + "' " + problem.get(),
            "write host:port pairs joined by commas, e.g. kafka-1:9092,kafka-2:9092");
        return;
      }
    }
  }

  /** Why {@code server} is not {@code host:port}, or empty when it is. */
  static Optional<String> hostPort(String server) {
    if (server.isEmpty()) {
      return Optional.of("is empty");
    }
    if (server.contains("://")) {
      return Optional.of("has a scheme (the protocol is set by tls and credential)");
    }
    try {
      URI uri = new URI("kafka://" + server);
      if (uri.getHost() == null || uri.getPort() < 0) {
        return Optional.of("is not host:port");
      }
      if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        return Optional.of("has more than host:port");
      }
      if (uri.getPort() < 1 || uri.getPort() > 65535) {
        return Optional.of("has a port outside 1-65535");
      }
    } catch (URISyntaxException e) {
      return Optional.of("is not host:port (" + e.getReason() + ")");
    }
    return Optional.empty();
  }

  private static void url(
      Findings findings,
      ObjectPath path,
      String what,
      String value,
      Set<String> schemes,
      String example,
      String settings) {
    Optional<String> problem = uriProblem(value, schemes);
    if (problem.isEmpty()) {
      return;
    }
    if (problem.get().equals(CREDENTIAL)) {
      credentialFinding(findings, path, what, settings);
      return;
    }
    findings.report(
        path,
        what + " '" + value + "' " + problem.get(),
        "write an absolute URI such as " + example + " (percent-encode other characters)");
  }

  private static final String CREDENTIAL = "holds a credential";

  /**
   * Why {@code value} is not an absolute URI with one of {@code schemes} (any scheme when empty),
   * or {@link #CREDENTIAL} when it holds a password, or empty when it is fine.
   */
  static Optional<String> uriProblem(String value, Set<String> schemes) {
    if (Secrets.find(value).isPresent()) {
      return Optional.of(CREDENTIAL);
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      int at = e.getIndex();
      String where =
          at >= 0 && at < value.length()
              ? " (character " + describe(value.codePointAt(at)) + " at position " + (at + 1) + ")"
              : "";
      return Optional.of("is not a URI: " + e.getReason() + where);
    }
    if (uri.getScheme() == null) {
      return Optional.of("has no scheme");
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!schemes.isEmpty() && !schemes.contains(scheme)) {
      return Optional.of(
          "has scheme '"
              + uri.getScheme()
              + "', not "
              + String.join(" or ", schemes.stream().sorted().toList()));
    }
    URI inner = uri;
    if (scheme.equals("jdbc")) {
      try {
        inner = new URI(uri.getRawSchemeSpecificPart());
      } catch (URISyntaxException e) {
        return Optional.of("is not a JDBC URL: " + e.getReason());
      }
    }
    if (inner.getRawUserInfo() != null) {
      return Optional.of(CREDENTIAL);
    }
    if (inner.getRawQuery() != null && inner.getRawQuery().matches("(?i).*\\b(user|password)=.*")) {
      return Optional.of(CREDENTIAL);
    }
    if (!uri.isOpaque() && uri.getRawAuthority() == null && !scheme.equals("file")) {
      return Optional.of("has no host or bucket");
    }
    return Optional.empty();
  }

  private static String describe(int codePoint) {
    if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
      return String.format("U+%04X", codePoint);
    }
    return "'" + new String(Character.toChars(codePoint)) + "'";
  }

  private static void credentialFinding(
      Findings findings, ObjectPath path, String what, String settings) {
    findings.report(
        path,
        what + " holds a credential (a user or password in the URL)",
        "remove it from the URL and set the "
            + settings
            + " settings' credential: to the NAME of a secret in the CI's secret store; this"
            + " value is now in git history, so rotate it");
  }
}
