package dev.zdp.validator.rules.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "db",
        "crm-db.internal",
        "crm-db.internal.",
        "a1.b2.example.com",
        "10.0.0.1",
        "255.255.255.255",
        "::1",
        "fd00::17",
        "2001:db8:0:0:0:0:2:1",
        "::ffff:10.0.0.1"
      })
  void acceptsDnsNamesAndAddresses(String host) {
    assertThat(HostName.problem(host)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres://db:5432 | has a scheme ('postgres://')",
        "db:5432            | has a port",
        "db/crm             | has a path",
        "me@db              | has credentials in it",
        "10.0.0.256         | is not an IPv4 address",
        "10.0.1             | is not an IPv4 address",
        "[fd00::17]         | has brackets around an IPv6 address",
        "[fd00::17]:5432    | has a port",
        "fd00::17::1        | is not an IPv6 address",
        "-db.internal       | has a label '-db' that is not a DNS label (letters, digits and inner"
            + " hyphens, at most 63)",
        "db..internal       | has an empty label between dots",
        "crm_db             | has a label 'crm_db' that is not a DNS label (letters, digits and"
            + " inner hyphens, at most 63)"
      })
  void explainsWhatIsWrong(String host, String problem) {
    assertThat(HostName.problem(host)).contains(problem);
  }

  @ParameterizedTest
  @CsvSource({
    "postgres://user@crm-db:5432/crm, crm-db",
    "crm-db:5432, crm-db",
    "'[fd00::17]:5432', fd00::17"
  })
  void suggestsTheHostAlone(String written, String suggested) {
    assertThat(HostName.suggestion(written)).contains(suggested);
  }
}
