package io.lambdagateway.gateway.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: random (version 4) UUIDs like Lambda's. They identify calls, they are not secrets,
 * so they come from {@link ThreadLocalRandom}: {@link UUID#randomUUID()} draws from a shared
 * SecureRandom, a lock every event loop would contend on.
 */
public final class RequestIds {

  private RequestIds() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
