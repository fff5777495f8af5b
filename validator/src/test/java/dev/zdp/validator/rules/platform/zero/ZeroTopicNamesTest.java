package dev.zdp.validator.rules.platform.zero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class ZeroTopicNamesTest {

  @Test
  void reportsTopicsKafkaRefuses() {
    RuleFixture fixture = RuleFixture.run(new ZeroTopicNames(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Kafka topic 'zero.a_b.public.x' of dataset 'a_b.x' on platform 'zero' differs only"
                + " in '.' and '_' from topic 'zero.a.b_public.x' of dataset 'a.x' (crm.yaml:23);"
                + " Kafka cannot have both");
    assertThat(fixture.messages())
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("The Kafka topic 'zero_xxx")
                    .contains("' is 252 characters long; Kafka allows 249"));
  }

  @Test
  void distinctTopicsWithinKafkasLimitsAreFine() {
    RuleFixture.run(new ZeroTopicNames(), "valid").assertNoFindings();
  }
}
