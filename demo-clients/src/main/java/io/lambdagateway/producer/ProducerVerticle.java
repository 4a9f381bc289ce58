package io.lambdagateway.producer;

import io.lambdagateway.kafka.KafkaTopics;
import io.lambdagateway.kafka.RateMeter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes demo messages (or lines from a file or stdin) to a Kafka topic, the reactive counterpart
 * of the public example's {@code producer/main.go}.
 *
 * <p>It creates the topic when missing, then sends unkeyed String values with an idempotent
 * producer and {@code acks=all}. Back-pressure: at most {@link ProducerConfig#maxInFlight()} sends
 * await acknowledgement at any time, so a slow broker slows the producer instead of filling memory;
 * an optional rate spreads sends evenly. A failed send is counted and logged, not retried beyond
 * the Kafka client's own retries. Progress goes to {@link ProducerConfig#out()} every {@link
 * ProducerConfig#progressInterval()}, a summary at the end.
 *
 * <p>{@link #completion()} succeeds with the {@link ProducerReport} when a bounded run has every
 * message acknowledged or failed, or when the verticle is undeployed; it fails when the input
 * cannot be read or the topic cannot be created.
 */
public final class ProducerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ProducerVerticle.class);

  /** Messages fetched from the source at once: enough to refill the in-flight window. */
  private static final int SOURCE_BATCH = 256;

  private static final long CLOSE_TIMEOUT_MS = 10_000;
  private static final int LOGGED_FAILURES = 5;

  private final ProducerConfig cfg;
  private final Promise<ProducerReport> completion = Promise.promise();
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private KafkaProducer<String, String> producer;
  private MessageSource source;
  private SendPacer pacer;
  private RateMeter meter;
  private long dispatched;
  // written on the verticle's event loop only; volatile for readers of acknowledged()
  private volatile long acknowledged;
  private long failed;
  private int inFlight;
  private int maxInFlight;
  private boolean fetching;
  private boolean exhausted;

  /** Set when no further message may be sent: the run is done, failed or stopping. */
  private boolean halted;

  private Promise<Void> inFlightSettled;
  private long wakeupTimer = -1;
  private long progressTimer = -1;

  public ProducerVerticle(ProducerConfig cfg) {
    this.cfg = cfg;
  }

  /** Messages the broker acknowledged so far; may be read from any thread. */
  public long acknowledged() {
    return acknowledged;
  }

  /** Completes with the run's report; see the class comment. */
  public Future<ProducerReport> completion() {
    return completion.future();
  }

  @Override
  public Future<?> start() {
    source =
        cfg.lines()
            .<MessageSource>map(input -> new LineMessageSource(vertx, input, cfg.messageCount()))
            .orElseGet(
                () ->
                    new GeneratedMessageSource(
                        new DemoMessages(cfg.seed(), cfg.rows()), cfg.messageCount()));
    return KafkaTopics.createIfMissing(
            vertx, cfg.kafka(), cfg.topic(), cfg.partitions(), cfg.replicationFactor())
        .onSuccess(created -> LOG.info("topic {} {}", cfg.topic(), created ? "created" : "exists"))
        .onSuccess(created -> startSending())
        .onFailure(completion::tryFail);
  }

  @Override
  public Future<?> stop() {
    halted = true;
    vertx.cancelTimer(wakeupTimer);
    vertx.cancelTimer(progressTimer);
    return awaitInFlight()
        .eventually(
            () -> producer == null ? Future.succeededFuture() : producer.close(CLOSE_TIMEOUT_MS))
        .eventually(source::close)
        .onComplete(ignored -> finish());
  }

  /** Lets the sends under way settle, so the final report counts each of them exactly once. */
  private Future<Void> awaitInFlight() {
    if (inFlight == 0) {
      return Future.succeededFuture();
    }
    inFlightSettled = Promise.promise();
    return inFlightSettled.future().timeout(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  private void startSending() {
    producer = KafkaProducer.create(vertx, producerProperties());
    // The stream also reports each failed send here; the send's own future already counts it.
    producer.exceptionHandler(err -> LOG.debug("producer error on {}", cfg.topic(), err));
    pacer = new SendPacer(cfg.rate(), System.nanoTime());
    meter = new RateMeter(System.nanoTime());
    progressTimer = vertx.setPeriodic(cfg.progressInterval().toMillis(), id -> printProgress());
    pump();
  }

  private Map<String, String> producerProperties() {
    Map<String, String> props = cfg.kafka().idempotentProducerProperties();
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    props.putAll(cfg.producerOverrides());
    return props;
  }

  /** Sends while the in-flight window, the buffered messages and the rate allow. */
  private void pump() {
    while (!halted && inFlight < cfg.maxInFlight()) {
      if (pending.isEmpty()) {
        refill();
        return;
      }
      long delayNanos = pacer.delayNanos(dispatched, System.nanoTime());
      if (delayNanos > 0) {
        wakeUpIn(delayNanos);
        return;
      }
      send(pending.poll());
    }
  }

  private void wakeUpIn(long delayNanos) {
    if (wakeupTimer == -1) {
      long delayMs = Math.max(1, Duration.ofNanos(delayNanos).toMillis());
      wakeupTimer =
          vertx.setTimer(
              delayMs,
              id -> {
                wakeupTimer = -1;
                pump();
              });
    }
  }

  private void refill() {
    if (fetching || exhausted) {
      finishIfDone();
      return;
    }
    fetching = true;
    source.next(SOURCE_BATCH).onComplete(this::refilled, this::inputFailed);
  }

  private void refilled(List<String> batch) {
    fetching = false;
    exhausted = batch.isEmpty();
    pending.addAll(batch);
    pump();
  }

  private void inputFailed(Throwable err) {
    fetching = false;
    LOG.error("reading the producer's input failed", err);
    cfg.out().println("input failed: " + err.getMessage());
    halted = true;
    completion.tryFail(err);
  }

  private void send(String message) {
    dispatched++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    producer
        .send(KafkaProducerRecord.create(cfg.topic(), message))
        .onComplete(metadata -> sent(), this::sendFailed);
  }

  private void sent() {
    acknowledged++;
    settled();
  }

  private void sendFailed(Throwable err) {
    failed++;
    if (failed <= LOGGED_FAILURES) {
      LOG.warn("send to {} failed ({} so far)", cfg.topic(), failed, err);
    }
    settled();
  }

  private void settled() {
    inFlight--;
    if (inFlight == 0 && inFlightSettled != null) {
      inFlightSettled.tryComplete();
    }
    pump();
  }

  private void finishIfDone() {
    if (exhausted && pending.isEmpty() && inFlight == 0) {
      finish();
    }
  }

  private void finish() {
    if (completion.future().isComplete()) {
      return;
    }
    halted = true;
    vertx.cancelTimer(progressTimer);
    ProducerReport report = report();
    cfg.out().println(report.summaryLine());
    completion.tryComplete(report);
  }

  private ProducerReport report() {
    Duration elapsed = meter == null ? Duration.ZERO : meter.elapsed(System.nanoTime());
    return new ProducerReport(acknowledged, failed, maxInFlight, elapsed);
  }

  /** One short line every few seconds: printed in place rather than through a worker. */
  private void printProgress() {
    double rate = meter.rateSinceLast(acknowledged, System.nanoTime());
    cfg.out()
        .printf(
            "produced %d messages (%.1f msg/s), %d errors, %d in flight%n",
            acknowledged, rate, failed, inFlight);
  }
}
