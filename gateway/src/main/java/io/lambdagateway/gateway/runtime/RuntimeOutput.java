package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.function.InvocationLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the output lines of one execution environment go: into the log of the invocation it is
 * serving (returned by {@code Tail}, which keeps only the last 4 KB), and into the gateway's log
 * with the function name and request id, at most {@code linesPerSecond} lines a second (the excess
 * is dropped and its count logged), so a flood cannot drown the gateway's own log. Thread-safe: the
 * stdout and stderr pumps both write here.
 */
final class RuntimeOutput {

  private static final Logger LOG = LoggerFactory.getLogger("io.lambdagateway.gateway.functions");

  private final String functionName;
  private final int linesPerSecond;
  private volatile InvocationLog currentLog;
  private volatile String currentRequestId = "-";
  private long windowStart;
  private int linesInWindow;
  private long dropped;

  RuntimeOutput(String functionName, int linesPerSecond) {
    this.functionName = functionName;
    this.linesPerSecond = linesPerSecond;
  }

  /** From now on, output belongs to this call. */
  void serving(String requestId, InvocationLog log) {
    currentRequestId = requestId;
    currentLog = log;
  }

  void line(String stream, String text) {
    InvocationLog log = currentLog;
    if (log != null) {
      log.platform(text);
    }
    if (admit()) {
      LOG.info("function={} requestId={} {}: {}", functionName, currentRequestId, stream, text);
    }
  }

  private synchronized boolean admit() {
    long now = System.nanoTime();
    if (now - windowStart >= 1_000_000_000L) {
      if (dropped > 0) {
        LOG.warn(
            "function={} requestId={} {} lines of output dropped (over {} a second)",
            functionName,
            currentRequestId,
            dropped,
            linesPerSecond);
      }
      windowStart = now;
      linesInWindow = 0;
      dropped = 0;
    }
    if (linesInWindow < linesPerSecond) {
      linesInWindow++;
      return true;
    }
    dropped++;
    return false;
  }
}
