package io.lambdagateway.gateway.function;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The log of one invocation, the part CloudWatch would show between START and REPORT.
 *
 * <p>Functions write to it through {@link #info(String)}; the gateway adds the START/END/REPORT
 * lines. Only the last {@link #TAIL_BYTES} bytes are kept, which is all that {@code X-Amz-Log-Type:
 * Tail} ever returns, so a chatty function cannot exhaust memory. Thread-safe: a blocking function
 * may log from a worker thread.
 */
public final class InvocationLog {

  /** AWS returns the last 4 KB of the log in {@code X-Amz-Log-Result}. */
  public static final int TAIL_BYTES = 4096;

  private final String requestId;
  private final byte[] ring = new byte[TAIL_BYTES];
  private long written;
  private volatile OptionalDouble initDurationMillis = OptionalDouble.empty();
  private volatile OptionalLong maxMemoryUsedMb = OptionalLong.empty();

  public InvocationLog(String requestId) {
    this.requestId = requestId;
  }

  /** Logs one line the way a Lambda runtime does: timestamp, request id, level, message. */
  public void info(String message) {
    append(Instant.now() + "\t" + requestId + "\tINFO\t" + message + "\n");
  }

  /** Appends a raw line (no prefix); used for the platform's START/END/REPORT lines. */
  public void platform(String line) {
    append(line + "\n");
  }

  /**
   * Records that this call started its execution environment: the REPORT line then shows {@code
   * Init Duration}, as on a cold start in Lambda.
   */
  public void reportInitDuration(double millis) {
    initDurationMillis = OptionalDouble.of(millis);
  }

  /** Records the measured peak memory of the process that ran the call, for REPORT. */
  public void reportMaxMemoryUsed(long megabytes) {
    maxMemoryUsedMb = OptionalLong.of(megabytes);
  }

  /** The init duration when this call started its environment. */
  public OptionalDouble initDurationMillis() {
    return initDurationMillis;
  }

  /** The peak memory measured by the function, when it ran in a process of its own. */
  public OptionalLong maxMemoryUsedMb() {
    return maxMemoryUsedMb;
  }

  /** The last {@link #TAIL_BYTES} bytes written, oldest first. */
  public synchronized byte[] tail() {
    int size = (int) Math.min(written, TAIL_BYTES);
    int start = (int) ((written - size) % TAIL_BYTES);
    byte[] out = new byte[size];
    int firstPart = Math.min(size, TAIL_BYTES - start);
    System.arraycopy(ring, start, out, 0, firstPart);
    System.arraycopy(ring, 0, out, firstPart, size - firstPart);
    return out;
  }

  private synchronized void append(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // byte i lands at absolute position written + i; only the last TAIL_BYTES can survive
    for (int i = Math.max(0, bytes.length - TAIL_BYTES); i < bytes.length; i++) {
      ring[(int) ((written + i) % TAIL_BYTES)] = bytes[i];
    }
    written += bytes.length;
  }
}
