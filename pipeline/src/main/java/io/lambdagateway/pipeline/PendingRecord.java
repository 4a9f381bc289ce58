package io.lambdagateway.pipeline;

/**
 * A source record waiting for its function call, with its request record already encoded.
 *
 * @param source the Kafka message
 * @param encoded its request record (JSON bytes), see {@link TransferRequests}
 */
public record PendingRecord(SourceRecord source, byte[] encoded) {}
