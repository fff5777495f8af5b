package dev.zdp.validator.rules.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class SecretInTextTest {

  @Test
  void reportsSecretsInFreeTextAtTheirLineWithoutRepeatingThem() {
    RuleFixture fixture = RuleFixture.run(new SecretInText(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "This text holds a secret: an AWS access key id",
            "This text holds a secret: a URL with a password in it",
            "This text holds a secret: a GitHub token",
            "This text holds a secret: a password in a URL's query");
    assertThat(String.join("\n", fixture.messages()) + String.join("\n", fixture.hints()))
        .doesNotContain("AKIAIOSFODNN7EXAMPLE", "s3cret", "ghp_", "hunter2");
  }

  @Test
  void ordinaryTextIsFine() {
    RuleFixture.run(new SecretInText(), "valid").assertNoFindings();
  }
}
