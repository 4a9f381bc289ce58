package io.lambdagateway.app.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Builds the root Dockerfile into an image, runs it as users would (environment variables only,
 * host network, bound to 127.0.0.1 on a free port) and calls it the two ways the project needs: the
 * AWS SDK's Invoke API and Transfer's function-URL call. Also checks what only the image decides:
 * the user, the size ceilings, the jlink runtime, the broker-free jar, the HEALTHCHECK and the
 * SIGTERM stop. The last test stops the container, so the tests run in order. Needs a Docker
 * engine; see {@link ContainerEngine}.
 */
@DisplayName("The gateway container image")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayContainerIT {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayContainerIT.class);

  /** The enricher's golden files were made with this address (TEST-NET-3, RFC 5737). */
  private static final String PUBLIC_IP = "203.0.113.7";

  private static final String TOKEN = "container-it-token";
  private static final String APP_UID = "10001";

  /** 140 MB of runtime, jar and base, and the gateway's 36 MB class-data archives. */
  private static final long MAX_IMAGE_BYTES = 180_000_000;

  private static final long MAX_JAR_BYTES = 25_000_000;
  private static final Path GOLDEN =
      GatewayImage.repositoryRoot().resolve("enricher/src/test/resources/golden");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static GatewayImage image;
  private static GenericContainer<?> gateway;
  private static URI baseUri;

  @BeforeAll
  static void startGateway() throws IOException {
    if (!ContainerEngine.isReachable()) {
      return;
    }
    DockerClient docker = DockerClientFactory.instance().client();
    image = GatewayImage.build(docker);
    int port = freePort();
    baseUri = URI.create("http://127.0.0.1:" + port);
    gateway =
        new GenericContainer<>(DockerImageName.parse(image.name()))
            .withNetworkMode("host")
            .withEnv("GATEWAY_HOST", "127.0.0.1")
            .withEnv("GATEWAY_PORT", String.valueOf(port))
            .withEnv("GATEWAY_AUTH_TOKEN", TOKEN)
            .withEnv("ENRICHER_PUBLIC_IP", PUBLIC_IP)
            .withLogConsumer(new Slf4jLogConsumer(LOG).withPrefix("gateway"))
            .waitingFor(
                new HealthEndpointWaitStrategy(baseUri.resolve("/health"))
                    .withStartupTimeout(Duration.ofSeconds(60)));
    long started = System.nanoTime();
    gateway.start();
    LOG.info(
        "MEASURED time to ready (container start until GET /health = 200): {} ms",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  @BeforeEach
  void requireEngine() {
    ContainerEngine.assumeReachable();
  }

  @AfterAll
  static void removeGateway() {
    if (gateway != null) {
      gateway.stop();
    }
    if (image != null) {
      image.remove(DockerClientFactory.instance().client());
    }
  }

  @Test
  @Order(1)
  @DisplayName("answers the Invoke API, called through the AWS SDK v2, with the golden enrichment")
  void answersTheInvokeApiThroughTheAwsSdk() throws IOException {
    SdkBytes batch = SdkBytes.fromByteArray(golden("demo.request.json"));
    try (LambdaClient lambda = lambdaClient()) {
      InvokeResponse response = lambda.invoke(call -> call.functionName("enricher").payload(batch));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.functionError()).as("function error").isNull();
      assertThat(JSON.readTree(response.payload().asByteArray()))
          .isEqualTo(JSON.readTree(golden("demo.compact-response.json")));
    }
  }

  @Test
  @Order(2)
  @DisplayName("answers Transfer's function-URL call (bearer token) with the golden enrichment")
  void answersTransfersFunctionUrlCall() throws Exception {
    HttpResponse<byte[]> response = callFunctionUrl(golden("demo.request.json"), TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(JSON.readTree(golden("demo.compact-response.json")));
  }

  @Test
  @Order(3)
  @DisplayName("refuses a function-URL call that carries the wrong bearer token with 403")
  void refusesAFunctionUrlCallWithTheWrongToken() throws Exception {
    HttpResponse<byte[]> response = callFunctionUrl(golden("demo.request.json"), "not-" + TOKEN);

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  @Order(4)
  @DisplayName("answers Transfer's schema probe, an empty batch, with an empty batch")
  void answersTheSchemaProbe() throws Exception {
    HttpResponse<byte[]> response = callFunctionUrl(JSON.writeValueAsBytes(emptyBatch()), TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body())).isEqualTo(emptyBatch());
  }

  @Test
  @Order(5)
  @DisplayName("runs the gateway process as the unprivileged user 10001, not as root")
  void runsAsAnUnprivilegedUser() throws Exception {
    ExecResult id = gateway.execInContainer("id", "-u");
    ExecResult status = gateway.execInContainer("grep", "^Uid:", "/proc/1/status");

    assertThat(id.getStdout().strip()).isEqualTo(APP_UID);
    // Real, effective, saved and filesystem uid of PID 1, the JVM.
    assertThat(status.getStdout().split("\\s+"))
        .containsExactly("Uid:", APP_UID, APP_UID, APP_UID, APP_UID);
  }

  @Test
  @Order(6)
  @DisplayName(
      "is at most 180 MB, with a launcher jar of at most 25 MB that has no Kafka server or Scala")
  void staysWithinItsSizeCeilings() throws IOException {
    DockerClient docker = gateway.getDockerClient();
    long total = image.totalBytes(docker);
    LOG.info(
        "MEASURED image {}: {} MB in all, base {} {} MB, jar {} MB, built in {} ms",
        image.name(),
        total / 1_000_000,
        image.baseImage(),
        image.baseBytes(docker) / 1_000_000,
        image.jarBytes() / 1_000_000,
        image.buildTime().toMillis());

    // Absolute ceilings, as the engine reports the size (decimal MB).
    assertThat(total).isLessThanOrEqualTo(MAX_IMAGE_BYTES);
    assertThat(image.jarBytes()).isLessThanOrEqualTo(MAX_JAR_BYTES);
    try (JarFile jar = new JarFile(image.jar().toFile())) {
      assertThat(jar.stream().map(JarEntry::getName))
          .as("entries of the broker's own libraries")
          .noneMatch(
              entry ->
                  entry.startsWith("kafka/server/")
                      || entry.startsWith("scala/")
                      || entry.startsWith("org/apache/zookeeper/"));
    }
  }

  @Test
  @Order(7)
  @DisplayName("runs on a jlink runtime without the desktop and compiler modules")
  void runsOnACutDownRuntime() throws Exception {
    ExecResult modules = gateway.execInContainer("java", "--list-modules");

    assertThat(modules.getStdout())
        .contains("java.base@", "jdk.crypto.ec@", "java.net.http@")
        .doesNotContain("java.desktop@", "java.compiler@", "jdk.compiler@");
  }

  @Test
  @Order(8)
  @DisplayName(
      "refuses the broker subcommand, which the image's jar lacks, in one line with exit code 2")
  void refusesTheBrokerSubcommandInOneLine() throws Exception {
    ExecResult broker =
        gateway.execInContainer(
            "java",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            "/app/lambda-gateway.jar",
            "broker",
            "--port",
            "0");

    assertThat(broker.getExitCode()).isEqualTo(2);
    assertThat(broker.getStderr().strip()).doesNotContain("\n").contains("lambda-gateway.jar");
  }

  @Test
  @Order(9)
  @DisplayName("reports itself healthy through the image's own HEALTHCHECK")
  void reportsHealthyThroughItsHealthcheck() {
    DockerClient docker = gateway.getDockerClient();
    // The first check runs one interval (10 s) after the start.
    Awaitility.await("Docker's health status of the container")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> healthStatus(docker), status -> !"starting".equals(status));

    assertThat(healthStatus(docker)).isEqualTo("healthy");
  }

  @Test
  @Order(10)
  @DisplayName("stops on SIGTERM through the JVM's shutdown, well before Docker would kill it")
  void stopsOnSigterm() {
    DockerClient docker = gateway.getDockerClient();
    String id = gateway.getContainerId();
    long started = System.nanoTime();
    docker.stopContainerCmd(id).withTimeout(30).exec();
    Duration stopTime = Duration.ofNanos(System.nanoTime() - started);
    Long exitCode = docker.inspectContainerCmd(id).exec().getState().getExitCodeLong();
    LOG.info("MEASURED docker stop: {} ms, exit code {}", stopTime.toMillis(), exitCode);

    // 143 = 128 + SIGTERM, how the JVM ends after its shutdown hooks; 137 would be SIGKILL.
    assertThat(exitCode).isIn(0L, 143L);
    // Idle, the gateway has no in-flight call to wait for.
    assertThat(stopTime).isLessThan(Duration.ofSeconds(10));
  }

  private static LambdaClient lambdaClient() {
    return LambdaClient.builder()
        .endpointOverride(baseUri)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("test-access-key", "test-secret-key")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** The call Transfer makes: contract §1, headers in its order. */
  private static HttpResponse<byte[]> callFunctionUrl(byte[] batch, String token)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(baseUri.resolve("/enricher?integration=raw"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(batch))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String healthStatus(DockerClient docker) {
    return docker
        .inspectContainerCmd(gateway.getContainerId())
        .exec()
        .getState()
        .getHealth()
        .getStatus();
  }

  private static JsonNode emptyBatch() {
    return JSON.createObjectNode().set("Records", JSON.createArrayNode());
  }

  private static byte[] golden(String file) throws IOException {
    return Files.readAllBytes(GOLDEN.resolve(file));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
