package dev.zdp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The catalog site in a real browser: Debian's headless Chromium driven by its chromedriver,
 * opening the site from disk ({@code file://}) as a reader who downloaded it would. Outside CI the
 * tests are skipped when Chromium is not installed; in CI ({@code CI=true}) they must run, and
 * {@code .ci/run} installs it.
 */
class CatalogBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path tmp;

  private static Path site;
  private static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(
            "CI=true but Chromium is not installed: apt-get install -y chromium chromium-driver"
                + " (.ci/run does it)");
      }
      Assumptions.abort(
          "headless Chromium is not installed here (apt-get install chromium chromium-driver)");
    }
    site = tmp.resolve("site");
    CatalogSite.write(Sites.load(Sites.hostileAcme(tmp.resolve("model"))), site);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @AfterEach
  void noConsoleErrors() {
    if (browser != null) {
      assertThat(severe()).as("errors in the browser console").isEmpty();
    }
  }

  private static List<String> severe() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::toString)
        .toList();
  }

  private static void open(String page) {
    browser.get(site.resolve(page).toUri().toString());
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  @Test
  void everyKindOfPageLoadsWithNoConsoleError() {
    for (String page :
        List.of(
            "index.html",
            "datastores.html",
            "workspaces.html",
            "owners.html",
            "deprecated.html",
            "zone/americas.html",
            "team/customer_team.html",
            "datastore/crm.html",
            "dataset/crm/customers.html",
            "dataset/shop/orders.html",
            "workspace/churn.html")) {
      open(page);
      assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
      assertThat(severe()).as("console errors on " + page).isEmpty();
    }
  }

  @Test
  void navigatesFromAWorkspaceToADatasetToItsDatastore() {
    open("workspace/churn.html");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("WORKSPACE churn");

    browser
        .findElement(By.cssSelector("table.sinks"))
        .findElement(By.linkText("crm.customers"))
        .click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/dataset/crm/customers.html"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("DATASET crm.customers");
    assertThat(browser.findElements(By.cssSelector("table.columns tbody tr")))
        .extracting(r -> r.findElement(By.tagName("td")).getText())
        .contains("id", "email", "marketing_opt_in");

    browser.findElement(By.cssSelector("table.facts")).findElement(By.linkText("crm")).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/datastore/crm.html"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("DATASTORE crm");
  }

  @Test
  void searchFindsADatasetByAColumnName() {
    open("index.html");
    WebElement box = browser.findElement(By.id("q"));
    box.click();
    box.sendKeys("marketing_opt_in");
    WebElement hit =
        waiting()
            .until(
                d -> {
                  List<WebElement> hits = d.findElements(By.cssSelector("#results li.hit"));
                  return hits.isEmpty() ? null : hits.get(0);
                });
    assertThat(hit.getText()).contains("crm.customers").contains("column marketing_opt_in");
    assertThat(browser.findElements(By.cssSelector("#results li.hit"))).hasSize(1);

    hit.findElement(By.tagName("a")).click();
    waiting()
        .until(d -> d.getCurrentUrl().endsWith("/dataset/crm/customers.html#col-marketing_opt_in"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("DATASET crm.customers");
  }

  @Test
  void searchByNameRanksTheNamedObjectFirst() {
    open("dataset/shop/orders.html");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("churn");
    WebElement first =
        waiting()
            .until(
                d -> {
                  List<WebElement> hits = d.findElements(By.cssSelector("#results li.hit a"));
                  return hits.isEmpty() ? null : hits.get(0);
                });
    assertThat(first.getAttribute("href")).endsWith("/workspace/churn.html");
    assertThat(first.findElement(By.className("kind")).getText())
        .isEqualToIgnoringCase("workspace");
  }

  @Test
  void theLineagePictureShowsTheDatasetsPathAndConsumers() {
    open("dataset/crm/customers.html");
    List<WebElement> nodes = browser.findElements(By.cssSelector("figure.lineage svg g.node"));
    assertThat(nodes)
        .extracting(
            n -> n.getAttribute("data-kind") + ":" + n.findElement(By.tagName("text")).getText())
        .containsExactly(
            "datastore:crm",
            "topic:zero.crm.public.customers",
            "staging:staging.crm__customers",
            "corpus:corpus.crm__customers",
            "workspace:churn");
    assertThat(browser.findElements(By.cssSelector("figure.lineage svg path.edge"))).hasSize(4);
    assertThat(nodes.get(0).isDisplayed()).isTrue();
    // the list of boxes the page holds is what a reader without script sees; drawn, it is hidden
    assertThat(browser.findElement(By.cssSelector("figure.lineage ol.boxes")).isDisplayed())
        .isFalse();

    open("workspace/churn.html");
    assertThat(browser.findElements(By.cssSelector("figure.lineage svg g.node")))
        .extracting(n -> n.getAttribute("data-name"))
        .containsExactlyInAnyOrder(
            "churn",
            "crm",
            "crm.customers",
            "corpus.crm__customers",
            "crm.consent_events",
            "corpus.crm__consent_events",
            "shop",
            "shop.orders",
            "corpus.shop__orders");
  }

  @Test
  void anHtmlLookingDescriptionIsShownAsText() {
    open("dataset/crm/customers.html");
    assertThat(browser.findElement(By.cssSelector("p.desc")).getText()).isEqualTo(Sites.HOSTILE);
    assertThat(browser.findElements(By.cssSelector("main b, main img"))).isEmpty();
    assertThat(browser.findElement(By.id("col-email")).getText()).contains(Sites.HOSTILE);
    assertThat(browser.executeScript("return window.zdpInjected === undefined")).isEqualTo(true);

    // and in the search results, built by the page's script
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("zdpInjected");
    WebElement why =
        waiting()
            .until(
                d -> {
                  List<WebElement> w = d.findElements(By.cssSelector("#results li.hit .why"));
                  return w.isEmpty() ? null : w.get(0);
                });
    assertThat(why.getText()).isEqualTo(Sites.HOSTILE);
    assertThat(browser.findElements(By.cssSelector("#results b, #results img"))).isEmpty();
    assertThat(browser.executeScript("return window.zdpInjected === undefined")).isEqualTo(true);
  }
}
