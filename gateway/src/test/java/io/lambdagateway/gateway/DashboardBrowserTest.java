package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real, headless Chromium driven by Selenium against a real gateway: the page
 * loads without console errors, the invocation counter rises after real invokes, and choosing an
 * invocation shows its log lines; the pipeline panel shows a pipeline's status. A screenshot is
 * left at {@value #SCREENSHOT} for people to look at.
 *
 * <p>Debian's {@code chromium} and {@code chromium-driver} come from {@code .ci/browser.sh} (which
 * CI runs). Without them the test is skipped with a message, unless {@value #REQUIRE_BROWSER} is
 * {@code true} (as in CI): then it fails.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The dashboard in a real browser")
@Timeout(60)
class DashboardBrowserTest {

  static final String REQUIRE_BROWSER = "LAMBDA_GATEWAY_REQUIRE_BROWSER";
  static final String SCREENSHOT = "target/dashboard.png";

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String LOG_LINE = "seen in the browser";

  private static PipelineStatusStub pipeline;
  private static TestGateway gateway;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    requireBrowser();
    pipeline = PipelineStatusStub.start();
    gateway =
        TestGateway.start(
            Map.of(
                "GATEWAY_DASHBOARD_LOGS",
                "true",
                "GATEWAY_PIPELINE_STATUS_URL",
                pipeline.url().toString()));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1150");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    // the first connections of each event loop and the first read of the pipeline's status load
    // Vert.x's HTTP server and client classes (hundreds of ms on a busy machine): done once here,
    // outside the blocked-thread guard, as a gateway's first callers do
    browser.get(gateway.uri("/").toString());
    new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(page -> page.findElement(By.id("pipeline-summary")).getText().contains("rows/s"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (gateway != null) {
      gateway.close();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  @DisplayName("loads cleanly, counts real invokes, shows an invocation's log and is screenshot")
  void dashboardFollowsInvocations() throws Exception {
    browser.get(gateway.uri("/").toString());
    // the tables are redrawn as snapshots arrive: an element found a moment ago may be gone
    Wait<WebDriver> wait =
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class);
    wait.until(page -> page.findElement(By.id("connection")).getText().startsWith("live"));
    long before = wait.until(page -> Long.parseLong(probeInvocations().getText()));

    for (int i = 0; i < 3; i++) {
      Http.post(
          gateway.uri("/2015-03-31/functions/probe/invocations"),
          "{\"log\":\"" + LOG_LINE + " " + i + "\"}");
    }
    wait.until(page -> Long.parseLong(probeInvocations().getText()) == before + 3);

    String requestId =
        wait.until(
            page -> {
              WebElement newest = page.findElement(By.cssSelector("#recent tbody button.request"));
              String id = newest.getText();
              newest.click();
              return id;
            });
    wait.until(page -> page.findElement(By.id("log")).getText().contains(LOG_LINE + " 2"));
    assertThat(browser.findElement(By.id("log")).getText())
        .contains("START RequestId: " + requestId, "REPORT RequestId: " + requestId);
    assertThat(browser.findElement(By.id("log-title")).getText()).contains(requestId);

    wait.until(page -> page.findElement(By.id("pipeline-summary")).getText().contains("rows/s in"));
    assertThat(browser.findElement(By.id("pipeline-summary")).getText())
        .contains("12.50 rows/s in", "lag 7", "2 to the DLQ");
    assertThat(browser.findElements(By.cssSelector("#partitions tbody tr"))).hasSize(2);

    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of(SCREENSHOT), StandardCopyOption.REPLACE_EXISTING);
    assertThat(Path.of(SCREENSHOT)).isNotEmptyFile();

    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
            .toList();
    assertThat(errors).as("browser console warnings and errors").isEmpty();
  }

  private static WebElement probeInvocations() {
    return browser.findElement(
        By.cssSelector("#functions tr[data-function='probe'] td.invocations"));
  }

  /** Skips loudly without Chromium or its driver, or fails when CI requires them. */
  private static void requireBrowser() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String missing =
        "chromium or chromedriver is missing ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): run .ci/browser.sh to install Debian's chromium and chromium-driver";
    if (Boolean.parseBoolean(System.getenv(REQUIRE_BROWSER))) {
      throw new AssertionError(missing + "; " + REQUIRE_BROWSER + " is true");
    }
    System.err.println("SKIPPED DashboardBrowserTest: " + missing);
    Assumptions.abort(missing);
  }
}
