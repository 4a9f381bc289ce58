package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page of the pipeline's status port in a real, headless Chromium, against a running pipeline
 * (real broker, real function server with the enricher): it shows the rows that went through, the
 * lag of each source partition, and no console errors. A screenshot is left at {@value
 * #SCREENSHOT}. Without Debian's chromium and chromedriver ({@code .ci/browser.sh}) the test is
 * skipped with a message, unless {@value #REQUIRE_BROWSER} is {@code true} (CI): then it fails.
 */
@DisplayName("The pipeline's status page in a real browser")
@Timeout(90)
class StatusPageBrowserTest {

  static final String REQUIRE_BROWSER = "LAMBDA_GATEWAY_REQUIRE_BROWSER";
  static final String SCREENSHOT = "target/pipeline-status.png";

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Vertx vertx = Vertx.vertx();
  private ChromeDriver browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    vertx.close().await();
  }

  @Test
  @DisplayName("shows the rows in and out and each partition's lag of a running pipeline")
  void pageFollowsThePipeline() throws Exception {
    requireBrowser();
    String source = KafkaNames.unique("status-page");
    SharedBroker.get().createTopic(source, 2);
    SharedBroker.get().createTopic(source + ".target", 1);
    FunctionServer function = FunctionServer.start(vertx);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineVerticle pipeline =
        new PipelineVerticle(
            PipelineVerticle.configFor(SharedBroker.bootstrapServers(), function.baseUrl())
                .sourceTopic(source)
                .targetTopic(source + ".target")
                .groupId(KafkaNames.unique("status-page"))
                .flushInterval(Duration.ofMillis(100))
                .build(),
            registry);
    vertx.deployVerticle(pipeline).await();
    int port =
        vertx
            .createHttpServer()
            .requestHandler(StatusEndpoints.create(registry, pipeline))
            .listen(0, "127.0.0.1")
            .await()
            .actualPort();
    SourceRows rows = new SourceRows(7, "page").good(12, 3);
    try (KafkaTestClient kafka = new KafkaTestClient(SharedBroker.bootstrapServers())) {
      kafka.produce(source, 2, rows.values());
    }
    long expectedOut = rows.expectedTargetValues().size();

    browser = chromium();
    browser.get("http://127.0.0.1:" + port + "/");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(page -> page.findElement(By.id("rows-out")).getText().startsWith(expectedOut + " "));
    wait.until(page -> page.findElements(By.cssSelector("#partitions tbody tr")).size() == 2);

    assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("running");
    assertThat(browser.findElement(By.id("connection")).getText()).startsWith("live");
    assertThat(browser.findElement(By.id("dlq")).getText()).isEqualTo("0");
    assertThat(browser.findElements(By.cssSelector("#partitions tbody td:first-child")))
        .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo(source));
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of(SCREENSHOT), StandardCopyOption.REPLACE_EXISTING);
    List<LogEntry> problems =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
            .toList();
    assertThat(problems).as("browser console warnings and errors").isEmpty();
  }

  private static ChromeDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,700");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** Skips loudly without Chromium or its driver, or fails when CI requires them. */
  private static void requireBrowser() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String missing =
        "chromium or chromedriver is missing: run .ci/browser.sh (Debian's chromium and"
            + " chromium-driver)";
    if (Boolean.parseBoolean(System.getenv(REQUIRE_BROWSER))) {
      throw new AssertionError(missing + "; " + REQUIRE_BROWSER + " is true");
    }
    System.err.println("SKIPPED StatusPageBrowserTest: " + missing);
    Assumptions.abort(missing);
  }
}
