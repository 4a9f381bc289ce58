package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The pipeline's status JSON")
class PipelineStatusTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  @DisplayName(
      "shows rows/s in and out over the last samples, the DLQ count and each partition's lag")
  void statusFromTheMeters() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PipelineMetrics metrics = new PipelineMetrics(registry);
    AtomicLong clock = new AtomicLong(100 * SECOND);
    PipelineStatus status =
        new PipelineStatus(registry, () -> true, metrics::partitionLag, clock::get);

    JsonNode first = new ObjectMapper().readTree(status.json());
    assertThat(first.path("rowsInPerSecond").asDouble()).isZero();

    metrics.recordsIn(40);
    for (int i = 0; i < 20; i++) {
      metrics.targetMessage();
    }
    metrics.dlqMessage();
    metrics.stalledBatches(1);
    metrics.consumerLag(
        List.of(
            new PipelineMetrics.PartitionLag("source", 0, 3),
            new PipelineMetrics.PartitionLag("source", 1, 4)));
    clock.addAndGet(2 * SECOND);

    JsonNode json = new ObjectMapper().readTree(status.json());
    assertThat(json.path("stalled").asBoolean()).isTrue();
    assertThat(json.path("rowsIn").asLong()).isEqualTo(40);
    assertThat(json.path("rowsInPerSecond").asDouble()).isEqualTo(20.0);
    assertThat(json.path("rowsOutPerSecond").asDouble()).isEqualTo(10.0);
    assertThat(json.path("dlqMessages").asLong()).isEqualTo(1);
    assertThat(json.path("stalledBatches").asLong()).isEqualTo(1);
    assertThat(json.path("lag").asLong()).isEqualTo(7);
    assertThat(json.path("partitions").get(1).path("partition").asInt()).isEqualTo(1);
    assertThat(json.path("partitions").get(1).path("lag").asLong()).isEqualTo(4);

    clock.addAndGet(20 * SECOND);
    assertThat(new ObjectMapper().readTree(status.json()).path("rowsInPerSecond").asDouble())
        .isZero();
  }
}
