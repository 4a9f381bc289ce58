package io.lambdagateway.pipeline;

import java.util.List;

/**
 * The records of one function call, in arrival order.
 *
 * @param records at least one record
 * @param requestBytes the exact size of {@link #request()}
 */
public record Batch(List<PendingRecord> records, int requestBytes) {

  public Batch {
    records = List.copyOf(records);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a batch holds at least one record");
    }
  }

  /** The request body {@code {"Records":[...]}}. */
  public byte[] request() {
    return TransferRequests.request(records.stream().map(PendingRecord::encoded).toList());
  }

  /** The event ids the response must answer, in order. */
  public List<String> eventIds() {
    return records.stream().map(r -> TransferRequests.eventId(r.source().offset())).toList();
  }

  /** Memory held by the source messages of this batch. */
  public long sourceBytes() {
    return records.stream().mapToLong(r -> r.source().sizeBytes()).sum();
  }
}
