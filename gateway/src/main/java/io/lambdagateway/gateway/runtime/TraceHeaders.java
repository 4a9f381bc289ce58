package io.lambdagateway.gateway.runtime;

import java.util.concurrent.ThreadLocalRandom;

/** X-Ray trace headers: Lambda gives every invocation a fresh one, and runtimes expect it. */
final class TraceHeaders {

  private TraceHeaders() {}

  /** A fresh X-Ray trace header. */
  static String fresh() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format(
        "Root=1-%08x-%012x%012x;Parent=%016x;Sampled=0",
        System.currentTimeMillis() / 1000,
        random.nextLong(1L << 48),
        random.nextLong(1L << 48),
        random.nextLong());
  }
}
