package io.lambdagateway.pipeline;

import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the pipeline's Kafka cluster answers while the pipeline runs: an admin client's {@code
 * describeCluster} every {@code interval} (the pipeline's {@code lagRefreshInterval}), each bounded
 * by the interval in whole seconds (2 s at least; a check still running skips the next). When the
 * cluster stops answering, the pipeline's clients keep retrying on their own; this only makes the
 * state visible ({@code /health} answers 503 with {@link #away()} as its reason) and logs one line
 * when Kafka goes away and one when it is back, instead of a warning per retry. Runs on the
 * verticle's context; the admin client's calls do not block it.
 */
final class KafkaWatch {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaWatch.class);

  /** A shorter bound would call a busy but healthy cluster away. */
  private static final long MIN_TIMEOUT_SECONDS = 2;

  private final Vertx vertx;
  private final KafkaAdminClient admin;
  private final String servers;
  private final Duration timeout;
  private final long timer;
  private boolean checking;
  private volatile String away;

  private KafkaWatch(Vertx vertx, PipelineConfig config, Duration interval) {
    this.vertx = vertx;
    this.servers = config.kafka().bootstrapServers();
    long wholeSeconds = (interval.toMillis() + 999) / 1000;
    this.timeout = Duration.ofSeconds(Math.max(MIN_TIMEOUT_SECONDS, wholeSeconds));
    Map<String, String> props = config.kafka().toProperties();
    props.put("client.id", "pipeline-kafka-watch");
    props.put("request.timeout.ms", Long.toString(timeout.toMillis()));
    props.put("default.api.timeout.ms", Long.toString(timeout.toMillis()));
    this.admin = KafkaAdminClient.create(vertx, props);
    this.timer = vertx.setPeriodic(interval.toMillis(), id -> check());
  }

  /**
   * Starts watching the cluster of {@code config} every {@code interval}, on the caller's context.
   */
  static KafkaWatch start(Vertx vertx, PipelineConfig config, Duration interval) {
    return new KafkaWatch(vertx, config, interval);
  }

  /** Empty while Kafka answers, else {@code cannot reach Kafka at <servers> (<reason>)}. */
  Optional<String> away() {
    return Optional.ofNullable(away);
  }

  /** Stops watching and closes the admin client. */
  void close() {
    vertx.cancelTimer(timer);
    admin.close(0);
  }

  private void check() {
    if (checking) {
      return;
    }
    checking = true;
    admin
        .describeCluster()
        .onSuccess(cluster -> answered())
        .onFailure(this::unanswered)
        .onComplete(ar -> checking = false);
  }

  private void answered() {
    if (away != null) {
      LOG.info("Kafka at {} answers again", servers);
      away = null;
    }
  }

  private void unanswered(Throwable error) {
    String reason =
        timedOut(error)
            ? "no answer within " + timeout.toSeconds() + " s"
            : String.valueOf(error.getMessage());
    if (away == null) {
      LOG.warn("cannot reach Kafka at {} ({}); the pipeline keeps retrying", servers, reason);
    }
    away = "cannot reach Kafka at " + servers + " (" + reason + ")";
  }

  private static boolean timedOut(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
