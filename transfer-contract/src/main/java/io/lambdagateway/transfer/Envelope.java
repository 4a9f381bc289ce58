package io.lambdagateway.transfer;

/**
 * The envelope fields of a batch record, in Transfer's JSON order: {@code eventSource, eventID,
 * invokeIdentityArn, eventVersion, eventName, eventSourceARN, awsRegion}. A null field was absent
 * from the request and is left out when the envelope is echoed in a response.
 */
public record Envelope(
    String eventSource,
    String eventId,
    String invokeIdentityArn,
    String eventVersion,
    String eventName,
    String eventSourceArn,
    String awsRegion) {

  /** The envelope Transfer sends with a change item at this LSN and transaction position. */
  public static Envelope forChangeItem(long nextLsn, int txPosition) {
    String eventId = Long.toUnsignedString(nextLsn) + "." + txPosition;
    return new Envelope("CDC", eventId, "tm", "1.0", "dt:cdc:change_item", "", "");
  }
}
