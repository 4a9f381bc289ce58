package io.lambdagateway.gateway.platform;

import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.InvocationLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The lines the Lambda platform writes around each invocation: START, END and REPORT. */
final class ReportLines {

  private ReportLines() {}

  static void start(InvocationLog log, String id) {
    log.platform("START RequestId: " + id + " Version: $LATEST");
  }

  /**
   * Ends {@code log}: the error line of a failed call, END, then REPORT with the invoke phase as
   * {@code Duration} (a cold start's init reported apart, as AWS does) and the memory used.
   */
  static void end(
      InvocationLog log, String id, FunctionError error, Duration took, int memorySizeMb) {
    if (error != null) {
      log.platform(
          Instant.now()
              + "\t"
              + id
              + "\tERROR\t"
              + error.errorType()
              + ": "
              + error.errorMessage());
    }
    log.platform("END RequestId: " + id);
    Duration invoke = invokePhase(log, took);
    log.platform(
        "REPORT RequestId: "
            + id
            + "\tDuration: "
            + millis(invoke)
            + " ms"
            + "\tBilled Duration: "
            + (long) Math.ceil(invoke.toNanos() / 1e6)
            + " ms"
            + "\tMemory Size: "
            + memorySizeMb
            + " MB"
            + "\tMax Memory Used: "
            + maxMemoryUsedMb(log)
            + " MB\t"
            + initDuration(log));
  }

  /**
   * Milliseconds with two decimals, rounded half up: what {@code String.format("%.2f")} writes for
   * a non-negative duration, at a fraction of its cost (it ran twice per call and was a fifteenth
   * of a small call's CPU).
   */
  static String millis(Duration d) {
    long hundredths = (Math.max(0, d.toNanos()) + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }

  private static Duration invokePhase(InvocationLog log, Duration took) {
    if (log.initDurationMillis().isEmpty()) {
      return took;
    }
    long initNanos = (long) (log.initDurationMillis().getAsDouble() * 1e6);
    return took.minusNanos(Math.min(initNanos, took.toNanos()));
  }

  /** A function in a process of its own measures that process; in-process ones share the JVM's. */
  private static long maxMemoryUsedMb(InvocationLog log) {
    return log.maxMemoryUsedMb()
        .orElse((Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
  }

  private static String initDuration(InvocationLog log) {
    return log.initDurationMillis().isPresent()
        ? "Init Duration: "
            + String.format(Locale.ROOT, "%.2f", log.initDurationMillis().getAsDouble())
            + " ms\t"
        : "";
  }
}
