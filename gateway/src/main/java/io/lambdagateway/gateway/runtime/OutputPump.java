package io.lambdagateway.gateway.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a runtime process on a thread of its own and cuts it into lines.
 *
 * <p>Memory stays bounded whatever the process writes: one read buffer and one line of at most
 * {@code maxLineBytes}; the rest of a longer line is dropped, and the line ends with how many bytes
 * were dropped. A flood is slowed by the pipe itself, since the process blocks on a full pipe.
 */
final class OutputPump implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(OutputPump.class);

  private final InputStream in;
  private final int maxLineBytes;
  private final Consumer<String> lines;
  private final byte[] line;
  private int length;
  private long droppedBytes;
  private long failedLines;
  private volatile boolean idle;
  private volatile long consumed;

  OutputPump(InputStream in, int maxLineBytes, Consumer<String> lines) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.lines = lines;
    this.line = new byte[maxLineBytes];
  }

  /** Starts the pump on a daemon thread named {@code name}. */
  static OutputPump start(String name, InputStream in, int maxLineBytes, Consumer<String> lines) {
    OutputPump pump = new OutputPump(in, maxLineBytes, lines);
    Thread thread = new Thread(pump, name);
    thread.setDaemon(true);
    thread.start();
    return pump;
  }

  @Override
  public void run() {
    byte[] chunk = new byte[8192];
    try {
      while (true) {
        // only this thread may ask: the process stream's methods share one lock with read()
        idle = in.available() == 0;
        int read = in.read(chunk);
        if (read < 0) {
          break;
        }
        idle = false;
        for (int i = 0; i < read; i++) {
          accept(chunk[i]);
        }
        consumed += read;
      }
    } catch (IOException closed) {
      // the process ended and its pipe was closed: nothing more to read
    } finally {
      if (length > 0 || droppedBytes > 0) {
        emit();
      }
      idle = true;
    }
  }

  /**
   * Waits up to {@code maxMillis} until the pump has passed on everything the process had written
   * when it last looked and has stayed idle for a millisecond, so that output written before a
   * response lands in that call's log. Best effort, bounded; blocking: call from a worker.
   */
  void awaitDrained(long maxMillis) throws InterruptedException {
    long until = System.nanoTime() + maxMillis * 1_000_000;
    while (System.nanoTime() < until) {
      long seen = consumed;
      boolean wasIdle = idle;
      Thread.sleep(1);
      if (wasIdle && idle && consumed == seen) {
        return;
      }
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
