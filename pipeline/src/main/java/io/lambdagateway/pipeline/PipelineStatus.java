package io.lambdagateway.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The pipeline's status as one JSON object, for the gateway's dashboard: {@code stalled}, {@code
 * rowsIn} / {@code rowsOut} (records read, messages written to the target) with their rates per
 * second, {@code dlqMessages}, {@code stalledBatches}, {@code lag} and {@code partitions} (topic,
 * partition, lag of each assigned partition).
 *
 * <p>Rates come from the counters sampled when the status is asked for: over the samples of the
 * last {@link #RATE_WINDOW_NANOS} (a sample at most every half second, so that polling is all it
 * takes). Thread-safe.
 */
final class PipelineStatus {

  static final long RATE_WINDOW_NANOS = 10_000_000_000L;
  private static final long MIN_SPACING_NANOS = 500_000_000L;

  private final MeterRegistry registry;
  private final BooleanSupplier stalled;
  private final Supplier<List<PipelineMetrics.PartitionLag>> partitionLag;
  private final LongSupplier nanoClock;
  private final Deque<Sample> samples = new ArrayDeque<>();

  PipelineStatus(
      MeterRegistry registry,
      BooleanSupplier stalled,
      Supplier<List<PipelineMetrics.PartitionLag>> partitionLag,
      LongSupplier nanoClock) {
    this.registry = registry;
    this.stalled = stalled;
    this.partitionLag = partitionLag;
    this.nanoClock = nanoClock;
  }

  synchronized String json() {
    long now = nanoClock.getAsLong();
    Sample current =
        new Sample(now, count("pipeline.records.in"), count("pipeline.target.messages"));
    while (!samples.isEmpty() && now - samples.peekFirst().nanos() > RATE_WINDOW_NANOS) {
      samples.pollFirst();
    }
    Sample oldest = samples.isEmpty() ? current : samples.peekFirst();
    if (samples.isEmpty() || now - samples.peekLast().nanos() >= MIN_SPACING_NANOS) {
      samples.addLast(current);
    }
    double seconds = (now - oldest.nanos()) / 1e9;
    StringBuilder json = new StringBuilder(256);
    json.append("{\"stalled\":").append(stalled.getAsBoolean());
    json.append(",\"rowsIn\":").append(current.in());
    json.append(",\"rowsOut\":").append(current.out());
    json.append(",\"rowsInPerSecond\":").append(rate(current.in() - oldest.in(), seconds));
    json.append(",\"rowsOutPerSecond\":").append(rate(current.out() - oldest.out(), seconds));
    json.append(",\"dlqMessages\":").append(count("pipeline.dlq.messages"));
    json.append(",\"stalledBatches\":").append(gauge("pipeline.stalled.batches"));
    json.append(",\"lag\":").append(gauge("pipeline.consumer.lag"));
    json.append(",\"partitions\":[");
    List<PipelineMetrics.PartitionLag> partitions = partitionLag.get();
    for (int i = 0; i < partitions.size(); i++) {
      PipelineMetrics.PartitionLag partition = partitions.get(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"topic\":\"")
          .append(escaped(partition.topic()))
          .append("\",\"partition\":")
          .append(partition.partition())
          .append(",\"lag\":")
          .append(partition.lag())
          .append('}');
    }
    return json.append("]}").toString();
  }

  private static double rate(long delta, double seconds) {
    return seconds <= 0 ? 0 : Math.round(delta / seconds * 100) / 100.0;
  }

  private long count(String name) {
    Counter counter = registry.find(name).counter();
    return counter == null ? 0 : (long) counter.count();
  }

  private long gauge(String name) {
    Gauge gauge = registry.find(name).gauge();
    return gauge == null ? 0 : (long) gauge.value();
  }

  /** Topic names are [a-zA-Z0-9._-]; escaped anyway, so the JSON stays JSON. */
  private static String escaped(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private record Sample(long nanos, long in, long out) {}
}
