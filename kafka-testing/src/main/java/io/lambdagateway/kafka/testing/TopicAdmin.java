package io.lambdagateway.kafka.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The broker's own topic administration, through an admin client connected on first use. It exists
 * because creating a topic is not enough for tests: {@link #create} returns only once every
 * partition has a leader that answers, so the next client can read and write it at once.
 */
final class TopicAdmin implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 30;

  private final String bootstrapServers;
  private Admin client;
  private boolean closed;

  /** An admin of the broker at {@code bootstrapServers}; nothing connects before the first call. */
  TopicAdmin(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Creates a topic with replication factor 1 and waits until every partition has a leader.
   *
   * @throws IllegalStateException when the topic exists already or is not created in 30 s
   */
  void create(String name, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
    }
    Admin admin = client();
    await(
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all(),
        "create topic " + name);
    awaitLeaders(admin, name, partitions);
    awaitLeadersActing(admin, name, partitions);
  }

  /** Like {@link #create}, but a topic that exists already is left as it is. */
  void createIfMissing(String name, int partitions) {
    if (!await(client().listTopics().names(), "list topics").contains(name)) {
      create(name, partitions);
    }
  }

  /** Closes the admin client; every later call fails. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.close();
    }
  }

  private synchronized Admin client() {
    if (closed) {
      throw new IllegalStateException("broker closed");
    }
    if (client == null) {
      client = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
    return client;
  }

  /**
   * Polls until every partition has a leader, within {@link #TIMEOUT_SECONDS}. Right after the
   * creation the broker's metadata may not know the topic yet: describing it then fails with {@link
   * UnknownTopicOrPartitionException}, which counts as "not ready yet".
   */
  private static void awaitLeaders(Admin admin, String name, int partitions) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      Optional<TopicDescription> topic = describeIfKnown(admin, name);
      if (topic.isPresent() && hasLeaders(topic.get(), partitions)) {
        return;
      }
      sleepBriefly();
    }
    throw new IllegalStateException(
        "topic " + name + " has no leader for every partition after " + TIMEOUT_SECONDS + " s");
  }

  /**
   * Waits until every partition's leader answers a read of the end offset. The broker's metadata
   * names a new partition's leader a moment before that leader acts as one: an idempotent producer
   * whose first write to it was refused (NOT_LEADER_OR_FOLLOWER) while its next ones were accepted
   * then retried the first with OUT_OF_ORDER_SEQUENCE_NUMBER until it expired. The admin client
   * retries the reads until the leaders answer.
   */
  private static void awaitLeadersActing(Admin admin, String name, int partitions) {
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    for (int partition = 0; partition < partitions; partition++) {
      ends.put(new TopicPartition(name, partition), OffsetSpec.latest());
    }
    await(admin.listOffsets(ends).all(), "read the end offsets of " + name);
  }

  /** The topic's description, or empty while the broker's metadata does not know it yet. */
  private static Optional<TopicDescription> describeIfKnown(Admin admin, String name) {
    try {
      Map<String, TopicDescription> described =
          await(admin.describeTopics(Set.of(name)).allTopicNames(), "describe topic " + name);
      return Optional.of(described.get(name));
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean hasLeaders(TopicDescription topic, int partitions) {
    return topic.partitions().size() == partitions
        && topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
  }

  private static <T> T await(Future<T> future, String what) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " timed out after " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for topic leaders", e);
    }
  }
}
