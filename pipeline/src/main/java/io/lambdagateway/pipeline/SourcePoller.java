package io.lambdagateway.pipeline;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The source consumer's poll loop: each poll runs on the consumer's thread and is handed to the
 * record flow on the pipeline's context in two steps, in one event-loop turn: the flow takes the
 * poll in (counts it, and may pause the source), the next poll is asked for, then the rest of the
 * poll's work runs (encoding, batching, calls) while the consumer already polls.
 *
 * <p>Why not the Vert.x consumer's own loop (a batch handler): it asks for the next poll only after
 * all the work of the last one, in a second event-loop task, so the consumer sits idle while the
 * event loop encodes and calls, and then waits in its queue behind the calls' answers and the
 * writes' acknowledgements. A record reaches the consumer only while it polls, so it waits one to
 * two of these cycles before it is read; at flush interval 0 and 1,000 messages/s a trace showed
 * 3.7 ms (median) from one poll's end to the next one's start. Asking after the take-in keeps the
 * order of things on the consumer's thread: a pause asked for while a poll is taken in is applied
 * before the next poll.
 *
 * <p>Idle, a poll waits up to {@link #POLL_TIMEOUT} for records, and while the source is paused up
 * to {@link #PAUSED_POLL_TIMEOUT}. A failed poll is reported and polled again after a pause ({@link
 * #RETRY}). Not thread-safe: use from the pipeline's context.
 */
final class SourcePoller {

  /**
   * Longest wait of a poll for records. The consumer's other calls (commits, the stop's final
   * commit, pauses) run on its thread after the poll it is in, so an idle poll holds them this
   * long: with the Vert.x loop's 1 s, stopping an idle pipeline took 0.65-1.1 s of waiting for its
   * final commit. Kafka Streams polls for 100 ms too ({@code poll.ms}); a short poll costs no
   * fetches, which wait on the broker as before.
   */
  static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

  /**
   * Longest wait of a poll while the source is paused. The consumer's thread runs a resume only
   * after the poll it is in: a paused poll of {@link #POLL_TIMEOUT} held every resume for up to a
   * second, in which the pipeline drained what it had buffered and then waited (a backlog that
   * paused once took 3.6-4.2 s instead of 2.7 s in bench/pipeline-versus).
   */
  static final Duration PAUSED_POLL_TIMEOUT = Duration.ofMillis(50);

  /**
   * Pause after failed polls, 100 ms doubling up to 5 s while they keep failing: a poll that fails
   * at once (no offset to start from, no access to the topic) would otherwise be repeated in a loop
   * that keeps a core busy, and each failure is logged.
   */
  static final Backoff RETRY = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  private static final Runnable NOTHING = () -> {};

  private final Vertx vertx;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Function<KafkaConsumerRecords<byte[], byte[]>, Runnable> onPoll;
  private final Handler<Throwable> onFailure;
  private final BooleanSupplier paused;
  private boolean stopped;
  private int failedInARow;

  /**
   * @param onPoll takes in each poll that returned records, on the pipeline's context, and returns
   *     the rest of its work, run once the next poll was asked for
   * @param onFailure told of each failed poll, on the pipeline's context
   * @param paused whether the source's partitions are paused now
   */
  SourcePoller(
      Vertx vertx,
      KafkaConsumer<byte[], byte[]> consumer,
      Function<KafkaConsumerRecords<byte[], byte[]>, Runnable> onPoll,
      Handler<Throwable> onFailure,
      BooleanSupplier paused) {
    this.vertx = vertx;
    this.consumer = consumer;
    this.onPoll = onPoll;
    this.onFailure = onFailure;
    this.paused = paused;
  }

  /** Starts polling; the consumer must have subscribed. */
  void start() {
    poll();
  }

  /**
   * Polls no more; a poll under way is not handed over. Call before closing the consumer: a poll
   * asked of a closed consumer fails on its stopped thread.
   */
  void stop() {
    stopped = true;
  }

  private void poll() {
    if (stopped) {
      return;
    }
    consumer
        .poll(paused.getAsBoolean() ? PAUSED_POLL_TIMEOUT : POLL_TIMEOUT)
        .onComplete(
            (records, err) -> {
              if (stopped) {
                return;
              }
              if (err != null) {
                onFailure.handle(err);
                vertx.setTimer(RETRY.ceilingMs(++failedInARow), id -> poll());
                return;
              }
              failedInARow = 0;
              Runnable rest = NOTHING;
              try {
                if (!records.isEmpty()) {
                  rest = onPoll.apply(records);
                }
              } finally {
                poll();
              }
              rest.run();
            });
  }
}
