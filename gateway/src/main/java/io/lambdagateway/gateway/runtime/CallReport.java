package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.function.Invocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The measured parts of an environment's REPORT lines, kept apart from the call's state machine:
 * {@code Init Duration} (process start to the runtime's first {@code /next}, reported once, with
 * the first call) and {@code Max Memory Used} (the process's peak resident set).
 */
final class CallReport {

  private final AtomicBoolean initReported = new AtomicBoolean();
  private volatile long spawnedNanos;
  private volatile double initMillis = -1;

  /** Marks the moment the process is started, where init begins. */
  void spawned() {
    spawnedNanos = System.nanoTime();
  }

  /** Marks the runtime's first {@code /next}, where init ends. */
  void initialized() {
    initMillis = (System.nanoTime() - spawnedNanos) / 1e6;
  }

  /** On a worker after a call: its memory, and init if not reported yet (blocking /proc read). */
  void report(Invocation inv, RuntimeProcess process) {
    if (process != null) {
      peakRssMb(process.pid()).ifPresent(inv.log()::reportMaxMemoryUsed);
    }
    if (initMillis >= 0 && initReported.compareAndSet(false, true)) {
      inv.log().reportInitDuration(initMillis);
    }
  }

  /** The process's peak resident set ({@code VmHWM}) in MB; empty where /proc has none. */
  static OptionalLong peakRssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return OptionalLong.of(Math.max(1, Math.round(kb / 1024.0)));
        }
      }
    } catch (IOException | NumberFormatException gone) {
      // the process has ended, or this is no Linux
    }
    return OptionalLong.empty();
  }
}
