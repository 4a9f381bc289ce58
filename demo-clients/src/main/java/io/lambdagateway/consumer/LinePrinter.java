package io.lambdagateway.consumer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints lines to a {@link PrintStream} from an event loop without blocking it: lines queue up and
 * a worker writes them in order, one batch at a time, because a stdout piped into a slow reader
 * blocks the writer. {@link #full()} tells the caller to stop producing lines (e.g. pause its Kafka
 * consumer) until the drain handler runs. Use it from one context only.
 */
final class LinePrinter {

  private final Vertx vertx;
  private final PrintStream out;
  private final int highWatermark;
  private List<String> pending = new ArrayList<>();
  private final List<Promise<Void>> idleWaiters = new ArrayList<>();
  private int queued;
  private boolean writing;

  /** Set once the queue reached the high watermark; cleared when the drain handler runs. */
  private boolean overflowed;

  private Runnable drainHandler = () -> {};

  /** {@code highWatermark}: queued lines at which {@link #full()} turns true. */
  LinePrinter(Vertx vertx, PrintStream out, int highWatermark) {
    this.vertx = vertx;
    this.out = out;
    this.highWatermark = highWatermark;
  }

  void print(String line) {
    pending.add(line);
    queued++;
    overflowed |= full();
    if (!writing) {
      writeNext();
    }
  }

  boolean full() {
    return queued >= highWatermark;
  }

  /** Runs after a write once the queue is back under half the high watermark. */
  void drainHandler(Runnable handler) {
    drainHandler = handler;
  }

  /** Completes once every line printed so far is written and flushed. */
  Future<Void> flush() {
    if (!writing) {
      return Future.succeededFuture();
    }
    Promise<Void> idle = Promise.promise();
    idleWaiters.add(idle);
    return idle.future();
  }

  private void writeNext() {
    if (pending.isEmpty()) {
      writing = false;
      idleWaiters.forEach(Promise::tryComplete);
      idleWaiters.clear();
      return;
    }
    writing = true;
    List<String> batch = pending;
    pending = new ArrayList<>();
    vertx.executeBlocking(() -> write(batch), true).onComplete(ignored -> written(batch.size()));
  }

  private Void write(List<String> batch) {
    StringBuilder text = new StringBuilder();
    batch.forEach(line -> text.append(line).append(System.lineSeparator()));
    out.print(text);
    out.flush();
    return null;
  }

  private void written(int lines) {
    queued -= lines;
    if (overflowed && queued <= highWatermark / 2) {
      overflowed = false;
      drainHandler.run();
    }
    writeNext();
  }
}
