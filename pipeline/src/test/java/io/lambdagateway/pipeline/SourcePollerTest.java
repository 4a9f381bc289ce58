package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SourcePollerTest {

  private Vertx vertx;
  private KafkaTestClient kafka;
  private String topic;
  private final BlockedThreadWatch blocked = new BlockedThreadWatch();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    kafka = new KafkaTestClient(SharedBroker.bootstrapServers());
    topic = KafkaNames.unique("source-poller");
    SharedBroker.get().createTopic(topic, 1);
  }

  @AfterEach
  void tearDown() {
    kafka.close();
    vertx.close().await();
    blocked.close();
    assertThat(blocked.warnings()).isEmpty();
  }

  @Test
  @DisplayName(
      "Hands every poll to the flow on the pipeline's context, in offset order; after stop() it"
          + " hands nothing more")
  void handsPollsInOrder() throws Exception {
    Context context = vertx.getOrCreateContext();
    List<String> values = new CopyOnWriteArrayList<>();
    List<Context> handedOn = new CopyOnWriteArrayList<>();
    KafkaConsumer<byte[], byte[]> consumer = consumerOn(context, "earliest", "500");
    SourcePoller poller =
        new SourcePoller(
            vertx,
            consumer,
            records -> {
              handedOn.add(Vertx.currentContext());
              return () -> {
                handedOn.add(Vertx.currentContext());
                for (int i = 0; i < records.size(); i++) {
                  values.add(new String(records.recordAt(i).value(), StandardCharsets.UTF_8));
                }
              };
            },
            err -> {},
            () -> false);
    context.runOnContext(v -> consumer.subscribe(topic).onSuccess(ok -> poller.start()));

    kafka.produce(topic, 1, values(0, 50));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> values.size() == 50);
    context.runOnContext(v -> poller.stop());
    Thread.sleep(200);
    kafka.produce(topic, 1, values(50, 10));
    Thread.sleep(1_500);

    assertThat(values).containsExactlyElementsOf(strings(0, 50));
    assertThat(handedOn).containsOnly(context);
    context.runOnContext(v -> consumer.close());
  }

  @Test
  @DisplayName(
      "A pause asked for while a poll is taken in applies before the next poll; the rest of the"
          + " poll's work runs after")
  void pauseBeforeTheNextPoll() throws Exception {
    Context context = vertx.getOrCreateContext();
    List<Integer> handed = new CopyOnWriteArrayList<>();
    List<Integer> rest = new CopyOnWriteArrayList<>();
    KafkaConsumer<byte[], byte[]> consumer = consumerOn(context, "earliest", "10");
    SourcePoller poller =
        new SourcePoller(
            vertx,
            consumer,
            records -> {
              handed.add(records.size());
              consumer.pause(new TopicPartition(topic, 0));
              return () -> rest.add(records.size());
            },
            err -> {},
            () -> false);
    kafka.produce(topic, 1, values(0, 50));
    context.runOnContext(v -> consumer.subscribe(topic).onSuccess(ok -> poller.start()));

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !rest.isEmpty());
    Thread.sleep(1_500);
    context.runOnContext(v -> poller.stop());

    assertThat(handed).containsExactly(10);
    assertThat(rest).containsExactly(10);
    context.runOnContext(v -> consumer.close());
  }

  @Test
  @DisplayName(
      "While the source is paused a poll waits briefly, so that a resume takes effect at once and"
          + " not after a second-long poll")
  void resumeTakesEffectAtOnce() throws Exception {
    Context context = vertx.getOrCreateContext();
    AtomicBoolean paused = new AtomicBoolean();
    AtomicLong resumedAt = new AtomicLong();
    AtomicLong nextPollAt = new AtomicLong();
    KafkaConsumer<byte[], byte[]> consumer = consumerOn(context, "earliest", "10");
    TopicPartition partition = new TopicPartition(topic, 0);
    SourcePoller poller =
        new SourcePoller(
            vertx,
            consumer,
            records -> {
              if (resumedAt.get() == 0) {
                paused.set(true);
                consumer.pause(partition);
                vertx.setTimer(
                    100,
                    id -> {
                      paused.set(false);
                      resumedAt.set(System.nanoTime());
                      consumer.resume(partition);
                    });
              } else {
                nextPollAt.compareAndSet(0, System.nanoTime());
              }
              return () -> {};
            },
            err -> {},
            paused::get);
    kafka.produce(topic, 1, values(0, 50));
    context.runOnContext(v -> consumer.subscribe(topic).onSuccess(ok -> poller.start()));

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> nextPollAt.get() != 0);
    context.runOnContext(v -> poller.stop());

    assertThat(Duration.ofNanos(nextPollAt.get() - resumedAt.get()))
        .as("from the resume to the next records (a 1 s paused poll: about 900 ms)")
        .isLessThan(Duration.ofMillis(600));
    context.runOnContext(v -> consumer.close());
  }

  @Test
  @DisplayName(
      "An idle poll holds the consumer's other calls (a commit, the stop's final commit) for a"
          + " moment, not for a second")
  void idlePollHoldsOtherCallsBriefly() throws Exception {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Duration> heldFor = new CompletableFuture<>();
    KafkaConsumer<byte[], byte[]> consumer = consumerOn(context, "earliest", "500");
    SourcePoller poller =
        new SourcePoller(
            vertx,
            consumer,
            // The rest of a poll's work runs once the next poll was asked for: that poll finds
            // nothing more, so it waits its whole timeout, and a call asked for now waits behind
            // it.
            records ->
                () -> {
                  long asked = System.nanoTime();
                  consumer
                      .assignment()
                      .onComplete(
                          ar -> heldFor.complete(Duration.ofNanos(System.nanoTime() - asked)));
                },
            err -> {},
            () -> false);
    kafka.produce(topic, 1, values(0, 1));
    context.runOnContext(v -> consumer.subscribe(topic).onSuccess(ok -> poller.start()));

    Duration held = heldFor.get(30, TimeUnit.SECONDS);
    context.runOnContext(v -> poller.stop());

    assertThat(held)
        .as("a call asked for as an idle poll starts (a 1 s idle poll: about 1 s)")
        .isLessThan(Duration.ofMillis(500));
    context.runOnContext(v -> consumer.close());
  }

  @Test
  @DisplayName(
      "A failed poll is reported and polled again after a pause that grows while polls keep failing")
  void failedPollsAreRetriedAfterAPause() throws Exception {
    Context context = vertx.getOrCreateContext();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    // No committed offset and no reset policy: every poll fails once the partition is assigned.
    KafkaConsumer<byte[], byte[]> consumer = consumerOn(context, "none", "500");
    SourcePoller poller =
        new SourcePoller(vertx, consumer, records -> () -> {}, failures::add, () -> false);
    context.runOnContext(v -> consumer.subscribe(topic).onSuccess(ok -> poller.start()));

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !failures.isEmpty());
    int first = failures.size();
    Thread.sleep(3_000);
    int inThreeSeconds = failures.size() - first;
    context.runOnContext(v -> poller.stop());

    assertThat(failures).first().isInstanceOf(NoOffsetForPartitionException.class);
    // pauses of 100, 200, 400, 800 and 1,600 ms: five retries fit in three seconds, not thirty
    assertThat(inThreeSeconds).isBetween(2, 5);
    context.runOnContext(v -> consumer.close());
  }

  /** A consumer created on {@code context}, as the pipeline's is: it reports there. */
  private KafkaConsumer<byte[], byte[]> consumerOn(
      Context context, String offsetReset, String maxPollRecords) throws Exception {
    CompletableFuture<KafkaConsumer<byte[], byte[]>> created = new CompletableFuture<>();
    context.runOnContext(v -> created.complete(consumer(offsetReset, maxPollRecords)));
    return created.get(10, TimeUnit.SECONDS);
  }

  private KafkaConsumer<byte[], byte[]> consumer(String offsetReset, String maxPollRecords) {
    return KafkaConsumer.create(
        vertx,
        Map.of(
            "bootstrap.servers",
            SharedBroker.bootstrapServers(),
            "group.id",
            KafkaNames.unique("source-poller"),
            "enable.auto.commit",
            "false",
            "auto.offset.reset",
            offsetReset,
            "max.poll.records",
            maxPollRecords,
            "key.deserializer",
            "org.apache.kafka.common.serialization.ByteArrayDeserializer",
            "value.deserializer",
            "org.apache.kafka.common.serialization.ByteArrayDeserializer"));
  }

  private static List<byte[]> values(int from, int count) {
    return strings(from, count).stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
  }

  private static List<String> strings(int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> "v" + i).toList();
  }
}
