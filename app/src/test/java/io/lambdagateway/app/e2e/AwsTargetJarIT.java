package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.lambdagateway.producer.DemoMessages;
import io.lambdagateway.producer.RowsRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shaded jars as a user runs them ({@code java -jar}, after {@code mvn package}) with the
 * pipeline's {@code aws} target: the full jar carries the AWS SDK's Lambda client and runs the
 * pipeline against a gateway (its Invoke API, as an AWS endpoint override; SigV4 signed with dummy
 * credentials the gateway does not check) and the test's broker; the slim jar has no SDK client and
 * refuses the target at start in one line.
 */
@DisplayName("The shaded jars with the pipeline's aws target")
class AwsTargetJarIT {

  private static final Path FULL_JAR = Path.of("target", "lambda-gateway.jar");
  private static final Path SLIM_JAR = Path.of("target", "lambda-gateway-slim.jar");
  private static final Path LOGS = Path.of("target", "aws-target-jar");
  private static final String PUBLIC_IP = "203.0.113.9";
  private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  @DisplayName("lambda-gateway.jar: pipeline --target aws enriches every row into the target")
  void fullJarRunsTheAwsTarget() throws Exception {
    String bootstrap = SharedBroker.bootstrapServers();
    String source = KafkaNames.unique("aws-jar");
    String target = source + ".target";
    SharedBroker.get().createTopic(source, 1);
    SharedBroker.get().createTopic(target, 1);
    SharedBroker.get().createTopic(source + ".dlq", 1);
    List<String> messages = demoMessages(20);
    KafkaTestClients.produce(bootstrap, source, messages);
    List<JsonNode> expected = ExpectedRecords.of(messages, PUBLIC_IP);

    Process gateway =
        start(
            FULL_JAR,
            "gateway",
            "gateway",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--instances",
            "1",
            "--enricher-public-ip",
            PUBLIC_IP);
    int port = listeningPort(gateway, LOGS.resolve("gateway.out.log"));
    Process pipeline =
        start(
            FULL_JAR,
            "pipeline",
            "pipeline",
            "--bootstrap-servers",
            bootstrap,
            "--source-topic",
            source,
            "--target-topic",
            target,
            "--group-id",
            KafkaNames.unique("aws-jar-group"),
            "--target",
            "aws",
            "--aws-endpoint",
            "http://127.0.0.1:" + port,
            "--aws-region",
            "us-east-1",
            "--function-name",
            "enricher",
            "--flush-interval",
            "50ms");

    List<ConsumerRecord<String, String>> written =
        KafkaTestClients.consume(bootstrap, target, expected.size(), TIMEOUT);

    assertThat(pipeline.isAlive())
        .as("pipeline alive; its errors: %s", Files.readString(LOGS.resolve("pipeline.err.log")))
        .isTrue();
    assertThat(ExpectedRecords.parse(written.stream().map(ConsumerRecord::value).toList()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @DisplayName("lambda-gateway-slim.jar: pipeline --target aws refuses in one line, exit 2")
  void slimJarRefusesTheAwsTarget() throws Exception {
    Process pipeline =
        start(
            SLIM_JAR,
            "slim-pipeline",
            "pipeline",
            "--bootstrap-servers",
            "127.0.0.1:9",
            "--target",
            "aws",
            "--aws-region",
            "us-east-1");

    assertThat(pipeline.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
    String stderr = Files.readString(LOGS.resolve("slim-pipeline.err.log")).strip();
    assertThat(pipeline.exitValue()).as("exit code; stderr: %s", stderr).isEqualTo(2);
    assertThat(stderr)
        .doesNotContain("\n")
        .contains("no AWS SDK Lambda client")
        .contains("lambda-gateway.jar")
        .contains("--target invoke-api");
  }

  /**
   * {@code java -jar jar args}, output in {@code LOGS/name.{out,err}.log}, with no project or AWS
   * variables of this environment but dummy AWS credentials.
   */
  private Process start(Path jar, String name, String... args) throws IOException {
    assertThat(jar).as("the shaded jar, made by `mvn package`").isRegularFile();
    Files.createDirectories(LOGS);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-jar"));
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectOutput(LOGS.resolve(name + ".out.log").toFile());
    builder.redirectError(LOGS.resolve(name + ".err.log").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(AwsTargetJarIT::ownVariable);
    env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    // No instance-metadata lookups on a machine that is not EC2.
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private static boolean ownVariable(String name) {
    return List.of("GATEWAY_", "PIPELINE_", "KAFKA_", "SOURCE_", "TARGET_", "AWS_").stream()
        .anyMatch(name::startsWith);
  }

  private static int listeningPort(Process process, Path stdout) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              assertThat(process.isAlive()).as("gateway alive").isTrue();
              Matcher m = LISTENING.matcher(Files.readString(stdout));
              return m.find() ? Integer.parseInt(m.group(1)) : -1;
            },
            port -> port > 0);
  }

  private static List<String> demoMessages(int count) {
    DemoMessages generator = new DemoMessages(7, new RowsRange(1, 4));
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(generator.next());
    }
    return values;
  }
}
