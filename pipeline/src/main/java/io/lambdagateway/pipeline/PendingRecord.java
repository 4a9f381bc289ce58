package io.lambdagateway.pipeline;

/**
 * A source record waiting for its function call, with its request record already encoded.
 *
 * @param source the Kafka message
 * @param encoded its request record (JSON bytes), see {@link TransferRequests}
 */
public record PendingRecord(SourceRecord source, byte[] encoded) {

  /**
   * The bytes it keeps alive: the message and its request record, which is the larger (base64 and
   * the column schema: about 3 times a 800-byte demo message).
   */
  public long heldBytes() {
    return source.sizeBytes() + encoded.length;
  }
}
