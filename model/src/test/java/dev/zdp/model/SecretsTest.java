package dev.zdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void masksTheSecretAndKeepsTheTextAroundIt() {
    assertThat(Secrets.mask("host 'postgres://u:s3cret@h/db' is not a host"))
        .isEqualTo("host 'postgres://u:***@h/db' is not a host");
    assertThat(Secrets.mask("uri https://cat/x?user=a&password=hunter2&x=1"))
        .isEqualTo("uri https://cat/x?user=a&password=***&x=1");
    assertThat(Secrets.mask("key AKIAIOSFODNN7EXAMPLE here")).isEqualTo("key *** here");
    assertThat(Secrets.mask("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
        .isEqualTo("aws_secret_access_key=***");
    assertThat(Secrets.mask("token ghp_abcdefghijklmnopqrstuvwxyz0123456789."))
        .isEqualTo("token ***.");
    assertThat(
            Secrets.mask(
                "a -----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY----- b"))
        .isEqualTo("a -----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY----- b");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String plain =
        "Cannot sink dataset 'crm.customers' (high priority): see https://example.com/a?b=c and"
            + " user@example.com; kafka-1:9093";
    assertThat(Secrets.mask(plain)).isEqualTo(plain);
    assertThat(Secrets.find(plain)).isEmpty();
    assertThat(Secrets.find("s3://key:secret@bucket/w")).contains("a URL with a password in it");
  }
}
