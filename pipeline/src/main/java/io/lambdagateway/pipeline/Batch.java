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

  /** A batch of these records, with its request size computed. */
  public static Batch of(List<PendingRecord> records) {
    long recordBytes = records.stream().mapToLong(r -> r.encoded().length).sum();
    return new Batch(records, TransferRequests.requestSize(records.size(), recordBytes));
  }

  /** The first half of the records (the smaller when odd) and the rest; needs two records. */
  public List<Batch> halves() {
    int middle = records.size() / 2;
    return List.of(of(records.subList(0, middle)), of(records.subList(middle, records.size())));
  }

  /** Names the batch in log lines: its size and first offset. */
  public String describe() {
    return "batch of "
        + records.size()
        + " records from offset "
        + records.get(0).source().offset();
  }

  /** The request body {@code {"Records":[...]}}, made of the records' own encoded bytes. */
  public RequestBody request() {
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
