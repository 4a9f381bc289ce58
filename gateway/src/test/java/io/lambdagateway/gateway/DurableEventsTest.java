package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event invocations with a state directory, through real gateways over HTTP: accepted events
 * survive a stop, run exactly once after the next start, and those that fail for good are written
 * to the on-failure file.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Durable Event invocations")
class DurableEventsTest {

  private static final String FUNCTION = "job";
  private static final String INVOKE = "/2015-03-31/functions/" + FUNCTION + "/invocations";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path state;

  /** Notes each event it gets and answers as {@code answer} says. */
  private static final class Job implements LambdaFunction {
    final List<String> events = new CopyOnWriteArrayList<>();
    private final boolean hold;
    private final boolean fail;

    private Job(boolean hold, boolean fail) {
      this.hold = hold;
      this.fail = fail;
    }

    /** Never answers: the event stays running until the gateway stops. */
    static Job holding() {
      return new Job(true, false);
    }

    static Job succeeding() {
      return new Job(false, false);
    }

    static Job failing() {
      return new Job(false, true);
    }

    @Override
    public Future<Buffer> invoke(Buffer event, Invocation invocation) {
      events.add(event.toString());
      if (hold) {
        return Promise.<Buffer>promise().future();
      }
      return fail
          ? Future.failedFuture(new FunctionError("Job.Failed", "cannot do " + event))
          : Future.succeededFuture(Buffer.buffer("{}"));
    }
  }

  private Gateway start(Job job, Map<String, String> settings) {
    Map<String, String> all =
        new HashMap<>(
            Map.of(
                "GATEWAY_HOST", "127.0.0.1",
                "GATEWAY_PORT", "0",
                "GATEWAY_INSTANCES", "1",
                "ENRICHER_PUBLIC_IP", TestGateway.PUBLIC_IP,
                "GATEWAY_STATE_DIR", state.toString(),
                "GATEWAY_EVENT_CONCURRENCY", "1"));
    all.putAll(settings);
    GatewayConfig config = GatewayConfig.fromSettings(all);
    HostedFunction hosted =
        new HostedFunction(FUNCTION, job, Duration.ofSeconds(60), 128, OptionalInt.empty());
    VertxOptions strict =
        new VertxOptions()
            .setBlockedThreadCheckInterval(50)
            .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
            .setMaxEventLoopExecuteTime(TestGateway.MAX_EVENT_LOOP_MILLIS)
            .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setWarningExceptionTime(TestGateway.MAX_EVENT_LOOP_MILLIS)
            .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
    return Gateway.start(config, List.of(hosted), strict).await();
  }

  private static HttpResponse<byte[]> sendEvent(Gateway gateway, String body) {
    URI uri = URI.create("http://127.0.0.1:" + gateway.port() + INVOKE);
    return Http.send(
        Http.request(uri)
            .header("X-Amz-Invocation-Type", "Event")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private List<JsonNode> failureRecords() throws IOException {
    Path file = state.resolve("event-failures.jsonl");
    List<JsonNode> records = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        records.add(Http.json(line));
      }
    }
    return records;
  }

  @Test
  @DisplayName("events accepted before a stop run exactly once after the next start")
  void runsAcceptedEventsAfterARestart() {
    Job held = Job.holding();
    Gateway first = start(held, Map.of());
    for (int n = 1; n <= 3; n++) {
      assertThat(sendEvent(first, "{\"n\":" + n + "}").statusCode()).isEqualTo(202);
    }
    await().atMost(WAIT).until(() -> held.events.size() == 1);
    first.close().await();

    Job resumed = Job.succeeding();
    Gateway second = start(resumed, Map.of());
    await().atMost(WAIT).until(() -> resumed.events.size() == 3);
    await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> resumed.events.size() == 3);
    second.close().await();

    Job third = Job.succeeding();
    Gateway after = start(third, Map.of());
    await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> third.events.isEmpty());
    after.close().await();

    assertThat(held.events).containsExactly("{\"n\":1}");
    assertThat(resumed.events).containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
  }

  @Test
  @DisplayName("an event that exhausts its retries is written to the on-failure file as AWS does")
  void writesExhaustedEventsToTheFailureFile() throws IOException {
    Job failing = Job.failing();
    Gateway gateway = start(failing, Map.of("GATEWAY_EVENT_MAX_RETRIES", "1"));
    HttpResponse<byte[]> accepted = sendEvent(gateway, "{\"order\":7}");
    String requestId = accepted.headers().firstValue("x-amzn-RequestId").orElseThrow();

    await().atMost(WAIT).until(() -> failureRecords().size() == 1);
    gateway.close().await();

    JsonNode record = failureRecords().get(0);
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(failing.events).hasSize(2);
    assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestId);
    assertThat(record.at("/requestContext/functionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:job:$LATEST");
    assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
    assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
    assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(7);
    assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
    assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("Job.Failed");
  }

  @Test
  @DisplayName("a torn last journal line is skipped and the events before it run")
  void skipsATornJournalLine() throws IOException {
    long now = Instant.now().toEpochMilli();
    String good = "{\"id\":\"%s\",\"function\":\"job\",\"acceptedAt\":%d,\"payload\":\"%s\"}\n";
    String journal =
        String.format(good, "one", now, base64("{\"n\":1}"))
            + String.format(good, "two", now, base64("{\"n\":2}"))
            + "{\"id\":\"three\",\"function\":\"job\",\"accepte";
    Files.writeString(state.resolve("events.jsonl"), journal);

    Job job = Job.succeeding();
    Gateway gateway = start(job, Map.of());
    await().atMost(WAIT).until(() -> job.events.size() == 2);
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> job.events.size() == 2);
    gateway.close().await();

    assertThat(job.events).containsExactly("{\"n\":1}", "{\"n\":2}");
  }

  @Test
  @DisplayName("an event older than the maximum age at start goes to the file, not the function")
  void givesUpEventsTooOld() throws IOException {
    long sevenHoursAgo = Instant.now().minus(Duration.ofHours(7)).toEpochMilli();
    Files.writeString(
        state.resolve("events.jsonl"),
        "{\"id\":\"old\",\"function\":\"job\",\"acceptedAt\":"
            + sevenHoursAgo
            + ",\"payload\":\""
            + base64("{}")
            + "\"}\n");

    Job job = Job.succeeding();
    Gateway gateway = start(job, Map.of());
    await().atMost(WAIT).until(() -> failureRecords().size() == 1);
    gateway.close().await();

    assertThat(job.events).isEmpty();
    assertThat(failureRecords().get(0).at("/requestContext/condition").asText())
        .isEqualTo("EventAgeExceeded");
  }

  @Test
  @DisplayName("a second gateway on a state directory in use does not start, with one line why")
  void refusesAStateDirectoryInUse() {
    Gateway first = start(Job.succeeding(), Map.of());
    try {
      assertThatThrownBy(() -> start(Job.succeeding(), Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(state.toString())
          .hasMessageContaining("another gateway is using it");
    } finally {
      first.close().await();
    }
  }

  @Test
  @DisplayName("file:PATH sends the records to that file, with or without a state directory")
  void writesToAFileTarget() throws IOException {
    Path target = state.resolve("elsewhere").resolve("failed.jsonl");
    Job failing = Job.failing();
    Gateway gateway =
        start(
            failing,
            Map.of(
                "GATEWAY_STATE_DIR", "",
                "GATEWAY_EVENT_MAX_RETRIES", "0",
                "GATEWAY_EVENT_ON_FAILURE", "file:" + target));
    assertThat(sendEvent(gateway, "{\"n\":1}").statusCode()).isEqualTo(202);

    await().atMost(WAIT).until(() -> Files.exists(target) && !Files.readString(target).isEmpty());
    gateway.close().await();

    assertThat(Http.json(Files.readString(target)).at("/requestContext/condition").asText())
        .isEqualTo("RetriesExhausted");
    assertThat(state.resolve("events.jsonl")).doesNotExist();
  }

  @Test
  @DisplayName("a destination no provider opens stops the start with one line")
  void refusesAnUnknownDestination() {
    assertThatThrownBy(
            () -> start(Job.succeeding(), Map.of("GATEWAY_EVENT_ON_FAILURE", "sqs://queue/q")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no on-failure destination of scheme 'sqs'");
    // the journal's lock went with the failed start
    start(Job.succeeding(), Map.of()).close().await();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
