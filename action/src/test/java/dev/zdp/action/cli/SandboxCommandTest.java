package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxCommandTest {

  @Test
  void saysToRunTheSandboxFromACheckoutAndExitsTwo() {
    Zdp zdp = Zdp.run("sandbox", "--model", "examples/acme", "--watch");

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.out()).isEmpty();
    assertThat(zdp.errLines())
        .containsExactly(
            "zdp: the sandbox is not part of this build; run it from a checkout of zdp with"
                + " 'bin/zdp sandbox --model DIR' (docs/sandbox.md)");
  }
}
