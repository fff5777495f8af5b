package dev.zdp.generator.zero;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZeroRendererTextTest {

  @Test
  void trailingSpacesGoAndBlankLinesFoldIntoOne() {
    assertThat(ZeroRenderer.text("\n \nSELECT 1 \t\n\n  \n\nFROM t  \r\n  x\n\n\n"))
        .isEqualTo("SELECT 1\n\nFROM t\n  x\n");
  }

  @Test
  void aFileEndsWithExactlyOneNewlineOrIsEmpty() {
    assertThat(ZeroRenderer.text("a")).isEqualTo("a\n");
    assertThat(ZeroRenderer.text("a\nb")).isEqualTo("a\nb\n");
    assertThat(ZeroRenderer.text("")).isEmpty();
    assertThat(ZeroRenderer.text(" \n\t\n")).isEmpty();
  }
}
