package io.lambdagateway.gateway.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a runtime process on a thread of its own and cuts it into lines.
 *
 * <p>Memory stays bounded whatever the process writes: one read buffer and one line of at most
 * {@code maxLineBytes}; the rest of a longer line is dropped, and the line ends with how many bytes
 * were dropped. A flood is slowed by the pipe itself, since the process blocks on a full pipe.
 *
 * <p>Why it polls instead of blocking in {@code read}: a call's log must hold what the runtime
 * wrote before it answered, and only a poll that starts after the answer arrived and finds the pipe
 * empty proves that ({@link #awaitDrained(List, long)}); the process stream cannot be asked from
 * another thread while a read blocks on it (they share one lock). Idle, a pump wakes at most every
 * {@value #MAX_PARK_MILLIS} ms; once its process has exited it reads to the end of the pipe.
 */
final class OutputPump implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(OutputPump.class);
  private static final long MIN_PARK_NANOS = 200_000;
  private static final long WAIT_NANOS = 20_000;
  private static final long MAX_PARK_MILLIS = 10;

  private final InputStream in;
  private final BooleanSupplier processAlive;
  private final int maxLineBytes;
  private final Consumer<String> lines;
  private final byte[] line;
  private int length;
  private long droppedBytes;
  private long failedLines;
  private volatile Thread thread;
  private volatile boolean finished;

  /** Polls that found the pipe empty with every byte read before them passed on. */
  private volatile long emptyPolls;

  OutputPump(
      InputStream in, BooleanSupplier processAlive, int maxLineBytes, Consumer<String> lines) {
    this.in = in;
    this.processAlive = processAlive;
    this.maxLineBytes = maxLineBytes;
    this.lines = lines;
    this.line = new byte[maxLineBytes];
  }

  /** Starts the pump on a daemon thread named {@code name}. */
  static OutputPump start(
      String name,
      InputStream in,
      BooleanSupplier processAlive,
      int maxLineBytes,
      Consumer<String> lines) {
    OutputPump pump = new OutputPump(in, processAlive, maxLineBytes, lines);
    Thread thread = new Thread(pump, name);
    thread.setDaemon(true);
    pump.thread = thread;
    thread.start();
    return pump;
  }

  @Override
  public void run() {
    byte[] chunk = new byte[8192];
    long park = MIN_PARK_NANOS;
    try {
      while (true) {
        int available = in.available();
        if (available > 0) {
          passOn(chunk, in.read(chunk, 0, Math.min(available, chunk.length)));
          park = MIN_PARK_NANOS;
        } else if (processAlive.getAsBoolean()) {
          emptyPolls++;
          LockSupport.parkNanos(park);
          park = Math.min(park * 2, MAX_PARK_MILLIS * 1_000_000);
        } else {
          readToTheEnd(chunk);
          return;
        }
      }
    } catch (IOException closed) {
      // the process ended and its pipe was closed: nothing more to read
    } finally {
      if (length > 0 || droppedBytes > 0) {
        emit();
      }
      finished = true;
    }
  }

  /**
   * Waits up to {@code maxMillis} until everything the process wrote to any of {@code pumps} before
   * this call has been passed on: for each pump, two polls must find its pipe empty, and the second
   * of them began after this call did. The pumps are woken and waited for together. Bounded;
   * blocking: call from a worker.
   */
  static void awaitDrained(List<OutputPump> pumps, long maxMillis) {
    long[] targets = new long[pumps.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = pumps.get(i).emptyPolls + 2;
    }
    long until = System.nanoTime() + maxMillis * 1_000_000;
    while (System.nanoTime() < until) {
      boolean drained = true;
      for (int i = 0; i < targets.length; i++) {
        OutputPump pump = pumps.get(i);
        if (!pump.finished && pump.emptyPolls < targets[i]) {
          drained = false;
          LockSupport.unpark(pump.thread);
        }
      }
      if (drained) {
        return;
      }
      LockSupport.parkNanos(WAIT_NANOS);
    }
  }

  private void readToTheEnd(byte[] chunk) throws IOException {
    int read;
    while ((read = in.read(chunk)) >= 0) {
      passOn(chunk, read);
    }
  }

  private void passOn(byte[] chunk, int read) {
    for (int i = 0; i < read; i++) {
      accept(chunk[i]);
    }
  }

  private void accept(byte b) {
    if (b == '\n') {
      emit();
    } else if (length < maxLineBytes) {
      line[length++] = b;
    } else {
      droppedBytes++;
    }
  }

  private void emit() {
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    String text = new String(line, 0, end, StandardCharsets.UTF_8);
    if (droppedBytes > 0) {
      text += " … [" + droppedBytes + " bytes of this line dropped]";
    }
    length = 0;
    droppedBytes = 0;
    try {
      lines.accept(text);
    } catch (RuntimeException failed) {
      // the pump must keep draining the pipe whatever happens to a line, else the process blocks
      // on a full pipe and its calls hang until they time out
      if (failedLines++ == 0) {
        LOG.warn("a line of runtime output could not be passed on: {}", failed.toString());
      }
    }
  }
}
