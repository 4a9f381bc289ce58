package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Both parse paths of {@link BatchCaller}: a response above {@link
 * BatchCaller#INLINE_PARSE_LIMIT_BYTES} (parsed on a worker) and a small one (parsed inline) give
 * every result, and deliver them on the caller's context, where the pipeline's state lives.
 */
@DisplayName("BatchCaller's inline and worker parse of responses")
class LargeResponseParseTest {

  private final Enricher enricher = Enricher.create(new EnricherConfig("203.0.113.7", false));
  private final AtomicInteger callbacksElsewhere = new AtomicInteger();
  private final Vertx vertx =
      Vertx.vertx(
          new VertxOptions()
              .setMaxEventLoopExecuteTime(200)
              .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("an answer above the inline limit: every result, on the caller's context")
  void largeResponse() throws Exception {
    assertParsed(4000, true);
  }

  @Test
  @DisplayName("an answer below the inline limit: every result, on the caller's context")
  void smallResponse() throws Exception {
    assertParsed(3, false);
  }

  private void assertParsed(int rows, boolean aboveLimit) throws Exception {
    Batch batch = batchOf(rows);
    LambdaInvoker enricherCall =
        new LambdaInvoker() {
          @Override
          public Future<byte[]> invoke(RequestBody request) {
            return Future.succeededFuture(enricher.transform(request.joined()));
          }

          @Override
          public Future<Void> close() {
            return Future.succeededFuture();
          }
        };
    byte[] answer = enricher.transform(batch.request().joined());
    assertThat(answer.length > BatchCaller.INLINE_PARSE_LIMIT_BYTES).isEqualTo(aboveLimit);
    BatchCaller caller =
        new BatchCaller(
            vertx,
            enricherCall,
            0,
            new Backoff(Duration.ofMillis(5), Duration.ofMillis(10)),
            new PipelineMetrics(new SimpleMeterRegistry()));
    Context context = vertx.getOrCreateContext();

    List<ResultRecord> results =
        Future.<List<ResultRecord>>future(
                done ->
                    context.runOnContext(
                        v ->
                            caller
                                .call(batch)
                                .onComplete(
                                    ar -> {
                                      if (Vertx.currentContext() != context) {
                                        callbacksElsewhere.incrementAndGet();
                                      }
                                      done.handle(ar);
                                    })))
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);

    assertThat(callbacksElsewhere).as("results arrive on the caller's context").hasValue(0);
    assertThat(results).extracting(ResultRecord::result).containsExactly(Result.SPLIT);
    assertThat(results.get(0).cdcSplit()).hasSize(rows);
  }

  private static Batch batchOf(int rows) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      lines
          .append("ts=2024-06-20T10:00:00Z&data=%7B%22payload%22%3A%22p")
          .append(i)
          .append("%22%7D\n");
    }
    SourceRecord source =
        new SourceRecord("t", 0, 5, 1, null, lines.toString().getBytes(StandardCharsets.UTF_8));
    return Batch.of(
        List.of(new PendingRecord(source, new TransferRequests().encodeRecord(source))));
  }
}
