package io.lambdagateway.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PolledAsyncAppender")
class PolledAsyncAppenderTest {

  private final LoggerContext context = newContext();
  private final Logger logger = context.getLogger("test");
  private final Logger polled = context.getLogger("polled");

  /** A context as Logback's provider makes one: events read their MDC from its adapter. */
  private static LoggerContext newContext() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    return context;
  }

  /** Keeps what it is given; can be held shut, as a slow console would be. */
  private static final class Collected extends AppenderBase<ILoggingEvent> {
    final List<String> messages = new CopyOnWriteArrayList<>();
    final CountDownLatch open = new CountDownLatch(1);
    volatile boolean held;

    @Override
    protected void append(ILoggingEvent event) {
      if (held) {
        await(open);
      }
      messages.add(event.getFormattedMessage());
    }
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  @DisplayName("writes every event in order, within a few polls, with its message and thread")
  void writesInOrder() throws Exception {
    Collected collected = new Collected();
    PolledAsyncAppender async = started(collected, 100);
    for (int i = 0; i < 50; i++) {
      async.doAppend(event("line " + i));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (collected.messages.size() < 50 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(collected.messages)
        .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "line " + i).toList());
  }

  @Test
  @DisplayName("lets the polled logger's lines wait for the next wake-up, and no other line")
  void onlyThePolledLoggerWaits() throws Exception {
    Collected collected = new Collected();
    PolledAsyncAppender async = started(collected, 100);
    async.doAppend(event(polled, "per-call line"));
    Thread.sleep(300);
    assertThat(collected.messages).isEmpty();
    async.doAppend(event(logger, "stop line"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (collected.messages.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(collected.messages).containsExactly("per-call line", "stop line");
  }

  @Test
  @DisplayName("drops events beyond its capacity instead of blocking, and writes the rest at stop")
  void dropsWhenFullAndDrainsAtStop() {
    Collected collected = new Collected();
    collected.held = true;
    PolledAsyncAppender async = started(collected, 10);
    async.doAppend(event("taken by the writer, which is held"));
    waitUntilTaken(async);
    long started = System.nanoTime();
    for (int i = 0; i < 25; i++) {
      async.doAppend(event("queued " + i));
    }
    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(1));
    collected.open.countDown();
    async.stop();
    assertThat(collected.messages).hasSize(11);
    assertThat(collected.messages.subList(1, 11))
        .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "queued " + i).toList());
  }

  private PolledAsyncAppender started(Collected collected, int capacity) {
    collected.setContext(context);
    collected.start();
    // A poll far longer than any test: only wake-ups move events.
    PolledAsyncAppender async = new PolledAsyncAppender(collected, capacity, "polled", 60_000);
    async.setContext(context);
    async.start();
    return async;
  }

  /** Waits until the writer has taken the first event off the queue (and is held in it). */
  private static void waitUntilTaken(PolledAsyncAppender async) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (async.waiting() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private LoggingEvent event(String message) {
    return event(logger, message);
  }

  private static LoggingEvent event(Logger from, String message) {
    return new LoggingEvent(Logger.class.getName(), from, Level.INFO, message, null, null);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
