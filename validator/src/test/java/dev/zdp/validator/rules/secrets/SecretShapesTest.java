package dev.zdp.validator.rules.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretShapesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "crm_db",
        "kafka-zdp",
        "crm-db.prod",
        "kv/crm/replication",
        "iceberg_catalog_readwrite_2024",
        "analyticswarehousereplicationuser"
      })
  void namesAreNotSecrets(String name) {
    assertThat(SecretShapes.secretShape(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgres://u:p@db/crm",
        "-----BEGIN OPENSSH PRIVATE KEY-----",
        "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z",
        "3f786850e387550fdab836ed7e6dc881de23001b",
        "c2VjcmV0LXZhbHVlLWhlcmU=",
        "hunter2!",
        "two words"
      })
  void secretsAreRecognised(String value) {
    assertThat(SecretShapes.secretShape(value)).isPresent();
  }
}
