package io.lambdagateway.enricher;

/** A row that cannot be enriched; cheap to throw (no stack trace), caught per record. */
final class BadRowException extends Exception {

  BadRowException(String message) {
    super(message, null, false, false);
  }
}
