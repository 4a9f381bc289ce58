package io.lambdagateway.enricher;

/**
 * The transformation function: one Transfer batch in, one result per record out.
 *
 * <p>API contract agreed between modules (the implementation is in progress):
 * thread-safe, non-blocking, no I/O per call.
 */
public final class Enricher {

  private final EnricherConfig config;

  private Enricher(EnricherConfig config) {
    this.config = config;
  }

  /** Builds an enricher; {@code config.publicIp()} must already be resolved. */
  public static Enricher create(EnricherConfig config) {
    return new Enricher(config);
  }

  /**
   * Transforms a Transfer request body {@code {"Records":[...]}} into the response body.
   *
   * @throws MalformedBatchException when the batch itself is unusable (not JSON, no
   *     {@code Records} array, a record without {@code cdc}); bad records never throw
   */
  public byte[] transform(byte[] requestJson) {
    throw new UnsupportedOperationException("not implemented yet: " + config);
  }
}
