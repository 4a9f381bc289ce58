package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.Result;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's Micrometer meters (Prometheus names in brackets): records read ({@code
 * pipeline_records_in_total}), results by status ({@code pipeline_results_total{status}}), function
 * calls by outcome and their latency ({@code pipeline_invocations_total{outcome}}, {@code
 * pipeline_invocation_seconds}), retries ({@code pipeline_retries_total}), messages written ({@code
 * pipeline_target_messages_total}, {@code pipeline_dlq_messages_total}), poison records isolated by
 * bisection ({@code pipeline_poison_records_total}), and gauges for the unfinished records and
 * bytes ({@code pipeline_buffered_records}, {@code pipeline_buffered_bytes}), the paused state
 * ({@code pipeline_paused}, 0/1) and the number of stalled batches ({@code
 * pipeline_stalled_batches}), and the consumer lag of the assigned source partitions ({@code
 * pipeline_consumer_lag}: records in the log not read yet, see {@link ConsumerLag}).
 */
public final class PipelineMetrics {

  private final Counter recordsIn;
  private final Map<Result, Counter> results = new EnumMap<>(Result.class);
  private final Counter invocationsOk;
  private final Counter invocationsFailed;
  private final Timer invocationLatency;
  private final Counter retries;
  private final Counter targetMessages;
  private final Counter dlqMessages;
  private final Counter poisonRecords;
  private final AtomicLong bufferedRecords = new AtomicLong();
  private final AtomicLong bufferedBytes = new AtomicLong();
  private final AtomicLong paused = new AtomicLong();
  private final AtomicLong stalledBatches = new AtomicLong();
  private final AtomicLong consumerLag = new AtomicLong();
  private volatile List<PartitionLag> partitionLag = List.of();

  public PipelineMetrics(MeterRegistry registry) {
    recordsIn = Counter.builder("pipeline.records.in").register(registry);
    for (Result result : Result.values()) {
      results.put(
          result,
          Counter.builder("pipeline.results").tag("status", result.wireName()).register(registry));
    }
    invocationsOk = Counter.builder("pipeline.invocations").tag("outcome", "ok").register(registry);
    invocationsFailed =
        Counter.builder("pipeline.invocations").tag("outcome", "failed").register(registry);
    invocationLatency =
        Timer.builder("pipeline.invocation").publishPercentileHistogram().register(registry);
    retries = Counter.builder("pipeline.retries").register(registry);
    targetMessages = Counter.builder("pipeline.target.messages").register(registry);
    dlqMessages = Counter.builder("pipeline.dlq.messages").register(registry);
    poisonRecords = Counter.builder("pipeline.poison.records").register(registry);
    Gauge.builder("pipeline.buffered.records", bufferedRecords, AtomicLong::get).register(registry);
    Gauge.builder("pipeline.buffered.bytes", bufferedBytes, AtomicLong::get).register(registry);
    Gauge.builder("pipeline.paused", paused, AtomicLong::get).register(registry);
    Gauge.builder("pipeline.stalled.batches", stalledBatches, AtomicLong::get).register(registry);
    Gauge.builder("pipeline.consumer.lag", consumerLag, AtomicLong::get).register(registry);
  }

  void recordsIn(int count) {
    recordsIn.increment(count);
  }

  void result(Result result) {
    results.get(result).increment();
  }

  void invocation(boolean ok, long nanos) {
    (ok ? invocationsOk : invocationsFailed).increment();
    invocationLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  void retry() {
    retries.increment();
  }

  void targetMessage() {
    targetMessages.increment();
  }

  void dlqMessage() {
    dlqMessages.increment();
  }

  void poisonRecord() {
    poisonRecords.increment();
  }

  void buffered(long records, long bytes) {
    bufferedRecords.set(records);
    bufferedBytes.set(bytes);
  }

  void paused(boolean isPaused) {
    paused.set(isPaused ? 1 : 0);
  }

  void stalledBatches(int count) {
    stalledBatches.set(count);
  }

  /** The lag of each assigned partition and, as {@code pipeline_consumer_lag}, their sum. */
  void consumerLag(List<PartitionLag> partitions) {
    partitionLag = List.copyOf(partitions);
    consumerLag.set(partitions.stream().mapToLong(PartitionLag::lag).sum());
  }

  /** The last measured lag of each assigned partition (for the status JSON). */
  List<PartitionLag> partitionLag() {
    return partitionLag;
  }

  /** Records of one source partition not read yet. */
  public record PartitionLag(String topic, int partition, long lag) {}
}
