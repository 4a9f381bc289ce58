package io.lambdagateway.transfer;

/** One record of a request batch: a change item and its envelope. */
public record BatchRecord(ChangeItem cdc, Envelope envelope) {}
