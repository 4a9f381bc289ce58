package io.lambdagateway.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands log events to one appender on a thread of its own, as Logback's {@code AsyncAppender} does,
 * except that the lines of one high-rate logger (the gateway's per-call lines) do not wake that
 * thread: it takes them with the next line that does, or at the latest after {@code pollMillis}.
 *
 * <p>Why: the gateway logs a line per call, thousands a second under load. Logback's worker sleeps
 * on an empty queue and every event woke it: it took about 40 µs of CPU per line on the 2-core
 * machine (not in writing, which a buffered file appender did not change), and the enricher route
 * did 3,499 req/s with it against 3,974 with a worker polling every 10 ms (BENCHMARKS.md,
 * 2026-12-02). Every other line still wakes the thread at once, so that the last lines before the
 * JVM exits (its stop line) are written before it halts, as before.
 *
 * <p>Never blocks the logging thread: an event that finds {@code capacity} events waiting is
 * dropped, as Logback's {@code neverBlock}. Stopping writes out every event still waiting.
 */
final class PolledAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  static final long POLL_MILLIS = 10;
  private static final long STOP_WAIT_MILLIS = 1_000;

  private final BlockingQueue<ILoggingEvent> queue;
  private final Appender<ILoggingEvent> appender;
  private final String polledLogger;
  private final long pollNanos;
  private volatile Thread worker;

  /**
   * Events go to {@code appender}, at most {@code capacity} of them waiting; those of the logger
   * named {@code polledLogger} wait up to {@code pollMillis} for the writer.
   */
  PolledAsyncAppender(
      Appender<ILoggingEvent> appender, int capacity, String polledLogger, long pollMillis) {
    this.appender = appender;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.polledLogger = polledLogger;
    this.pollNanos = TimeUnit.MILLISECONDS.toNanos(pollMillis);
  }

  /** The appender that writes the events. */
  Appender<ILoggingEvent> appender() {
    return appender;
  }

  /** How many events may wait. */
  int capacity() {
    return queue.remainingCapacity() + queue.size();
  }

  /** How many events wait now. */
  int waiting() {
    return queue.size();
  }

  @Override
  public void start() {
    super.start();
    worker = new Thread(this::writeUntilStopped, "log-writer");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing();
    if (queue.offer(event) && !polledLogger.equals(event.getLoggerName())) {
      LockSupport.unpark(worker);
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    worker.interrupt();
    try {
      worker.join(STOP_WAIT_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    writeWaiting();
  }

  /**
   * Parks before it first drains: a polled line appended while this thread is still starting waits
   * for a wake-up like any other, and a wake-up given before the park is kept as its permit.
   */
  private void writeUntilStopped() {
    while (isStarted() && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(this, pollNanos);
      writeWaiting();
    }
  }

  private void writeWaiting() {
    List<ILoggingEvent> batch = new ArrayList<>();
    queue.drainTo(batch);
    for (ILoggingEvent event : batch) {
      appender.doAppend(event);
    }
  }
}
