package dev.zdp.validator.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class PlatformEndpointsTest {

  @Test
  void reportsMalformedEndpointsAndCredentialsAtTheirLineWithoutRepeatingSecrets() {
    RuleFixture fixture = RuleFixture.run(new PlatformEndpoints(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Platform 'zero': kafka bootstrapServers entry 'kafka-2' is not host:port",
            "Platform 'zero': catalog uri 'iceberg-rest:8181' has scheme 'iceberg-rest', not"
                + " http or https or jdbc or thrift",
            "Platform 'zero': s3 region 'eu-west-1\r' is not a region name",
            "Platform 'leaky': connect url holds a credential (a user or password in the URL)",
            "Platform 'leaky': catalog uri holds a credential (a user or password in the URL)")
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "Platform 'zero': warehouse 's3://lake/w;touch /tmp/PWNED;#' is not a"
                            + " URI: Illegal character in path (character U+0020 at position"))
        .anySatisfy(m -> assertThat(m).startsWith("Platform 'zero': connect url 'http://"));
    assertThat(String.join("\n", fixture.messages()) + String.join("\n", fixture.hints()))
        .doesNotContain("hunter2", "s3cret", "AKIAABCDEFGHIJKLMNOP", "user:pw");
  }

  @Test
  void wellFormedEndpointsAreFine() {
    RuleFixture.run(new PlatformEndpoints(), "valid").assertNoFindings();
  }
}
