package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bisection and the exhausted-retries policies against a real HTTP function: the real enricher,
 * except that a batch holding a record whose value is {@code POISON} is answered as Lambda answers
 * a response over the limit (502 + {@code Function.ResponseSizeTooLarge} on a function URL).
 */
@ExtendWith(VertxExtension.class)
class BatchResolverTest {

  private static final String POISON = "POISON";
  private static final String TOO_LARGE =
      "{\"errorType\":\"Function.ResponseSizeTooLarge\",\"errorMessage\":\"Response payload size"
          + " exceeded maximum allowed payload size (6291556 bytes).\"}";

  private final Enricher enricher = Enricher.create(new EnricherConfig("203.0.113.7", false));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PipelineMetrics metrics = new PipelineMetrics(registry);
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger stalls = new AtomicInteger();
  private StallRetry stallRetry;

  private String serve(Vertx vertx) {
    int port =
        vertx
            .createHttpServer()
            .requestHandler(r -> r.body().onSuccess(body -> answer(r, body)))
            .listen(0, "127.0.0.1")
            .await()
            .actualPort();
    return "http://127.0.0.1:" + port;
  }

  private void answer(HttpServerRequest request, Buffer body) {
    calls.incrementAndGet();
    if (down.get()) {
      request.response().setStatusCode(503).end("{\"message\":\"down\"}");
    } else if (holdsPoison(body.getBytes())) {
      request.response().setStatusCode(502).end(TOO_LARGE);
    } else {
      request.response().end(Buffer.buffer(enricher.transform(body.getBytes())));
    }
  }

  private static boolean holdsPoison(byte[] request) {
    for (BatchRecord record : BatchJson.readRequest(request)) {
      byte[] value = Base64.getDecoder().decode(record.cdc().valueOf("data").textValue());
      if (POISON.equals(new String(value, StandardCharsets.UTF_8))) {
        return true;
      }
    }
    return false;
  }

  private BatchResolver resolver(
      Vertx vertx, String url, PoisonAction onPoison, ExhaustedAction onExhausted) {
    Backoff fast = new Backoff(Duration.ofMillis(5), Duration.ofMillis(10));
    BatchCaller caller =
        new BatchCaller(
            vertx,
            HttpInvoker.functionUrl(
                vertx, PipelineConfig.builder("127.0.0.1:9").functionUrl(url).build()),
            1,
            fast,
            metrics);
    stallRetry =
        new StallRetry(
            fast,
            () -> 0.0,
            vertx::timer,
            new StallRetry.Stalls() {
              @Override
              public void started() {
                stalls.incrementAndGet();
              }

              @Override
              public void ended() {}
            });
    return new BatchResolver(
        caller,
        stallRetry,
        onPoison,
        onExhausted,
        new TransformErrors(new TransferRequests()),
        metrics);
  }

  private static Batch batch(String... values) {
    TransferRequests requests = new TransferRequests();
    List<PendingRecord> records = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      SourceRecord source =
          new SourceRecord(
              "source", 0, i, 1_718_876_759_101L, null, values[i].getBytes(StandardCharsets.UTF_8));
      records.add(new PendingRecord(source, requests.encodeRecord(source)));
    }
    return Batch.of(records);
  }

  private static String good(int i) {
    return "ts=2024-06-20T21:06:0" + (i % 10) + "Z&ip=FILL_ME&data={\"appid\":\"a" + i + "\"}";
  }

  private static String[] values(int count, int... poisonAt) {
    String[] values = new String[count];
    for (int i = 0; i < count; i++) {
      values[i] = good(i);
    }
    for (int at : poisonAt) {
      values[at] = POISON;
    }
    return values;
  }

  /** Each record's fate in order: "w<offset>" written from a result, "d<offset>" dead-lettered. */
  private static List<String> fates(List<BatchPart> parts) {
    List<String> fates = new ArrayList<>();
    for (BatchPart part : parts) {
      if (part instanceof BatchPart.Written written) {
        assertThat(written.results()).hasSize(written.batch().records().size());
        written.batch().records().forEach(r -> fates.add("w" + r.source().offset()));
      } else if (part instanceof BatchPart.DeadLettered dead) {
        dead.records().forEach(r -> fates.add("d" + r.source().offset()));
      }
    }
    return fates;
  }

  @Test
  @DisplayName("A poison record among 10 good ones is isolated; the others are written in order")
  void isolatesOnePoisonRecord(Vertx vertx) {
    BatchResolver resolver = resolver(vertx, serve(vertx), PoisonAction.DLQ, ExhaustedAction.STALL);

    List<BatchPart> parts = resolver.resolve(batch(values(11, 4))).await();

    assertThat(fates(parts))
        .containsExactly("w0", "w1", "w2", "w3", "d4", "w5", "w6", "w7", "w8", "w9", "w10");
    BatchPart.DeadLettered dead =
        parts.stream()
            .filter(BatchPart.DeadLettered.class::isInstance)
            .map(BatchPart.DeadLettered.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(dead.reason())
        .startsWith("poison record (fails alone): ")
        .contains("Function.ResponseSizeTooLarge");
    assertThat(registry.get("pipeline.poison.records").counter().count()).isEqualTo(1);
    // 11 → 5 + 6 → (2 + 3) → ... : a handful of calls, no retries of a size failure.
    assertThat(calls.get()).isLessThanOrEqualTo(2 * 4 + 1);
    assertThat(stalls).hasValue(0);
  }

  @Test
  @DisplayName("Two poison records, first and last, are both isolated")
  void isolatesTwoPoisonRecords(Vertx vertx) {
    BatchResolver resolver = resolver(vertx, serve(vertx), PoisonAction.DLQ, ExhaustedAction.STALL);

    List<BatchPart> parts = resolver.resolve(batch(values(5, 0, 4))).await();

    assertThat(fates(parts)).containsExactly("d0", "w1", "w2", "w3", "d4");
    assertThat(registry.get("pipeline.poison.records").counter().count()).isEqualTo(2);
  }

  @Test
  @DisplayName("With --on-poison stall a poison batch stalls instead, as before bisection")
  void stallOnPoison(Vertx vertx) {
    BatchResolver resolver =
        resolver(vertx, serve(vertx), PoisonAction.STALL, ExhaustedAction.STALL);

    Future<List<BatchPart>> parts = resolver.resolve(batch(values(3, 1)));
    vertx.timer(300).await();

    assertThat(parts.isComplete()).isFalse();
    assertThat(stalls).hasValue(1);
    assertThat(calls.get()).isGreaterThan(3);
    stallRetry.stop();
    assertThatThrownBy(parts::await).hasMessageContaining("Function.ResponseSizeTooLarge");
    assertThat(registry.get("pipeline.poison.records").counter().count()).isZero();
  }

  @Test
  @DisplayName("A stalled batch whose failure turns deterministic is bisected")
  void stalledThenPoison(Vertx vertx) {
    down.set(true);
    BatchResolver resolver = resolver(vertx, serve(vertx), PoisonAction.DLQ, ExhaustedAction.STALL);

    Future<List<BatchPart>> parts = resolver.resolve(batch(values(3, 2)));
    vertx.timer(100).await();
    down.set(false);

    assertThat(fates(parts.await())).containsExactly("w0", "w1", "d2");
    assertThat(stalls).hasValue(1);
  }

  @Test
  @DisplayName("With --on-exhausted dlq a batch whose retries ran out is dead-lettered whole")
  void exhaustedToDlq(Vertx vertx) {
    down.set(true);
    BatchResolver resolver = resolver(vertx, serve(vertx), PoisonAction.DLQ, ExhaustedAction.DLQ);

    List<BatchPart> parts = resolver.resolve(batch(values(3))).await();

    assertThat(fates(parts)).containsExactly("d0", "d1", "d2");
    assertThat(((BatchPart.DeadLettered) parts.get(0)).reason())
        .startsWith("retries exhausted: ")
        .contains("HTTP 503");
    assertThat(calls).hasValue(2);
    assertThat(registry.get("pipeline.poison.records").counter().count()).isZero();
  }

  @Test
  @DisplayName(
      "With --on-exhausted transform-error the batch's input items are written with the error")
  void exhaustedToTransformError(Vertx vertx) {
    down.set(true);
    BatchResolver resolver =
        resolver(vertx, serve(vertx), PoisonAction.DLQ, ExhaustedAction.TRANSFORM_ERROR);

    List<BatchPart> parts = resolver.resolve(batch(values(2))).await();

    assertThat(parts).hasSize(1);
    BatchPart.Written written = (BatchPart.Written) parts.get(0);
    assertThat(written.fromFunction()).isFalse();
    assertThat(written.results()).extracting(ResultRecord::result).containsOnly(Result.OK);
    assertThat(written.results())
        .extracting(r -> r.cdc().valueOf("__transform_error").textValue())
        .allSatisfy(error -> assertThat(error).contains("HTTP 503"));
    assertThat(written.results())
        .extracting(r -> r.cdc().valueOf("offset").longValue())
        .containsExactly(0L, 1L);
  }
}
