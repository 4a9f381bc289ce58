package io.lambdagateway.pipeline;

/** A topic partition of the source, as a plain value (no Kafka client types). */
public record SourcePartition(String topic, int partition) {

  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
