package dev.zdp.validator.rules.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class CredentialNameTest {

  @Test
  void reportsCredentialsThatAreSecretsWithoutRepeatingThem() {
    RuleFixture fixture = RuleFixture.run(new CredentialName(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "The credential of the capture of Datastore 'crm' looks like a secret itself: a URL"
                + " with a password in it",
            "The credential of the capture of Datastore 'billing' looks like a secret itself: a"
                + " generated token or key (33 mixed letters and digits)",
            "The credential of the kafka settings of platform 'zero' looks like a secret itself: a"
                + " PEM block (a key or a certificate)",
            "The credential of the connect settings of platform 'zero' looks like a secret"
                + " itself: text with characters a name would not have (a name is letters,"
                + " digits, _, -, . and /)",
            "The credential of the s3 settings of platform 'zero' looks like a secret itself: a"
                + " generated token or key (32 mixed letters and digits)");
    assertThat(fixture.diagnostics())
        .extracting(Diagnostic::message, Diagnostic::hint)
        .allSatisfy(
            texts ->
                assertThat(texts.toList().toString())
                    .doesNotContain("not-a-real-password")
                    .doesNotContain("3kd9Fj2LmQ8zXw1Vb7Nc4Rt6Yp0SaE5uH")
                    .doesNotContain("MIIEvQIBADAN")
                    .doesNotContain("horse"));
    assertThat(fixture.hints())
        .contains(
            "write the NAME of a secret (e.g. credential: crm_db) and keep its value in the CI's"
                + " secret store, which passes it to Terraform as a sensitive variable; this"
                + " value is now in git history, so rotate it");
  }

  @Test
  void namesOfSecretsAreFine() {
    RuleFixture.run(new CredentialName(), "valid").assertNoFindings();
  }
}
