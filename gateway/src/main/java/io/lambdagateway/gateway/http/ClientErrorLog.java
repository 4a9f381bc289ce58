package io.lambdagateway.gateway.http;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log of bad requests, rate-limited so that no input can flood it: at most {@code lines}
 * lines per interval; the lines past that are counted and the count is added to the next line
 * logged. Thread-safe (every event loop shares one).
 */
public final class ClientErrorLog {

  private static final Logger LOG = LoggerFactory.getLogger(ClientErrorLog.class);

  private final int lines;
  private final long intervalNanos;
  private final LongSupplier clock;
  private long intervalStart;
  private int logged;
  private long suppressed;

  public ClientErrorLog(int lines, Duration interval) {
    this(lines, interval, System::nanoTime);
  }

  ClientErrorLog(int lines, Duration interval, LongSupplier clock) {
    this.lines = lines;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.intervalStart = clock.getAsLong();
  }

  /** Logs one line about a bad request (WARN, no stack trace), unless the rate is used up. */
  public void log(String what, String remoteAddress) {
    long suppressedBefore = take();
    if (suppressedBefore > 0) {
      LOG.warn(
          "bad request from {}: {} ({} more bad requests were not logged)",
          remoteAddress,
          what,
          suppressedBefore);
    } else if (suppressedBefore == 0) {
      LOG.warn("bad request from {}: {}", remoteAddress, what);
    }
  }

  /**
   * Logs a request the gateway failed to handle (ERROR, with the stack trace), within the same
   * rate, since a request that trips a gateway bug can be sent a thousand times too.
   */
  public void error(String what, String remoteAddress, Throwable failure) {
    long suppressedBefore = take();
    if (suppressedBefore >= 0) {
      LOG.error(
          "request from {} failed in the gateway: {} ({} bad requests not logged before it)",
          remoteAddress,
          what,
          suppressedBefore,
          failure);
    }
  }

  /** The lines suppressed since the last one logged, or -1 when this line is suppressed too. */
  private synchronized long take() {
    long now = clock.getAsLong();
    if (now - intervalStart >= intervalNanos) {
      intervalStart = now;
      logged = 0;
    }
    if (logged >= lines) {
      suppressed++;
      return -1;
    }
    logged++;
    long before = suppressed;
    suppressed = 0;
    return before;
  }
}
