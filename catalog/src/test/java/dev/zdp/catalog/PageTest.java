package dev.zdp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A page's bytes: model text escaped into them, whatever it holds and however long it is. */
class PageTest {

  private static String body(Page page) {
    ByteBuffer bytes = page.finish();
    String html =
        new String(
            bytes.array(),
            bytes.arrayOffset() + bytes.position(),
            bytes.remaining(),
            StandardCharsets.US_ASCII);
    return html.substring(html.indexOf("<main>") + 6, html.indexOf("</main>"));
  }

  private static Page page() {
    return new Page("dataset/crm/customers.html", "Dataset <x>", "acme & co", 1);
  }

  @Test
  void escapesMarkupQuotesAndEverythingOutsideAscii() {
    Page page = page().text("<b>\"O'Neil\" & caf\u00e9\u00a0\u2014 \ud83d\ude00\r\u007f\n\t");
    assertThat(body(page))
        .isEqualTo(
            "&lt;b&gt;&quot;O&#39;Neil&quot; &amp; caf&#233;&#160;&#8212; &#128512;&#13;&#127;\n\t");
  }

  @Test
  void aLongTextOfCharactersThatAllNeedEscapingIsWrittenWhole() {
    // each character grows to a six-byte entity: the page's buffer must grow as it is written
    String text = "\"".repeat(20_000) + "\u00e9".repeat(20_000) + "end";
    String body = body(page().raw("<p>").text(text).raw("</p>"));
    assertThat(body).startsWith("<p>&quot;&quot;").endsWith("&#233;end</p>");
    assertThat(body.length()).isEqualTo(3 + 20_000 * 6 + 20_000 * 6 + 3 + 4);
  }

  @Test
  void theHeaderEscapesTheTitleAndTheSiteName() {
    ByteBuffer bytes = page().finish();
    String html = new String(bytes.array(), 0, bytes.limit(), StandardCharsets.US_ASCII);
    assertThat(html)
        .contains("<title>Dataset &lt;x&gt; &middot; acme &amp; co</title>")
        .contains("href=\"../../assets/site.css\"");
  }
}
