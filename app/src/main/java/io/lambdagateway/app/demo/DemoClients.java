package io.lambdagateway.app.demo;

import io.lambdagateway.consumer.ConsumerReport;
import io.lambdagateway.consumer.TargetConsumerVerticle;
import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.kafka.KafkaTopics;
import io.lambdagateway.pipeline.PipelineVerticle;
import io.lambdagateway.pipeline.StatusEndpoints;
import io.lambdagateway.producer.ProducerConfig;
import io.lambdagateway.producer.ProducerReport;
import io.lambdagateway.producer.ProducerVerticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The demo's three Kafka clients on a Vert.x instance of their own: the printing consumer, the
 * pipeline and the producer. {@link #start} creates the topics and deploys them in dependency order
 * (consumer ready before anything is written, pipeline probing the function first, producer last);
 * {@link #stop} undeploys them in reverse (in-flight calls finish and offsets are committed), then
 * closes the Vert.x instance. Its own class so that {@link Demo} only sequences broker, gateway and
 * clients.
 */
final class DemoClients {

  private static final long READY_TIMEOUT_SECONDS = 30;

  /** Where the pipeline's status endpoints listen: loopback only, for the gateway's dashboard. */
  static final String STATUS_HOST = "127.0.0.1";

  private final DemoConfig config;
  private final String bootstrapServers;
  private final PrometheusMeterRegistry pipelineMeters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final int statusPort;
  private final Handler<HttpServerRequest> statusEndpoints;
  private final TargetConsumerVerticle consumer;
  private final PipelineVerticle pipeline;
  private final ProducerVerticle producer;
  private final Vertx vertx;

  /** Deployment ids, null until deployed; set on an event loop, read by the stopping thread. */
  private volatile String consumerId;

  private volatile String pipelineId;
  private volatile String producerId;

  /**
   * Clients for the cluster at {@code bootstrapServers} and the function at {@code functionUrlBase}
   * + {@code functionName}; the pipeline's status is served on {@code statusPort} ({@link
   * #statusUrl}). Call it from a plain thread, so that the clients get contexts of this Vert.x
   * instance.
   */
  DemoClients(
      DemoConfig config,
      String bootstrapServers,
      String functionUrlBase,
      String functionName,
      int statusPort) {
    this.config = config;
    this.statusPort = statusPort;
    this.bootstrapServers = bootstrapServers;
    consumer = new TargetConsumerVerticle(DemoClientConfigs.consumer(config, bootstrapServers));
    pipeline =
        new PipelineVerticle(
            DemoClientConfigs.pipeline(config, bootstrapServers, functionUrlBase, functionName),
            pipelineMeters);
    statusEndpoints = StatusEndpoints.create(pipelineMeters, pipeline);
    producer = new ProducerVerticle(DemoClientConfigs.producer(config, bootstrapServers));
    // last, so that an invalid config leaves no Vert.x instance behind
    vertx = Vertx.vertx();
  }

  /** The Vert.x instance the clients run on. */
  Vertx vertx() {
    return vertx;
  }

  /** Completes when the consumer printed every expected row (see {@link DemoConfig#count()}). */
  Future<ConsumerReport> consumerCompletion() {
    return consumer.completion();
  }

  /** The URL of the pipeline's status JSON, as the gateway's dashboard reads it. */
  static String statusUrl(int statusPort) {
    return "http://" + STATUS_HOST + ":" + statusPort + "/status";
  }

  /**
   * Creates the topics, then deploys consumer, pipeline (and its status endpoints) and producer, in
   * this order.
   */
  Future<Void> start() {
    return createTopics()
        .compose(v -> vertx.deployVerticle(consumer))
        .compose(
            id -> {
              consumerId = id;
              return consumer.ready().timeout(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            })
        .compose(v -> vertx.deployVerticle(pipeline))
        .compose(
            id -> {
              pipelineId = id;
              return vertx
                  .createHttpServer()
                  .requestHandler(statusEndpoints)
                  .listen(statusPort, STATUS_HOST);
            })
        .compose(server -> vertx.deployVerticle(producer))
        .map(
            id -> {
              producerId = id;
              return null;
            });
  }

  /**
   * Undeploys producer, pipeline and consumer, then closes Vert.x; blocks, never on an event loop.
   */
  void stop() {
    StopSteps.await(undeploy(producerId), "stopping the producer");
    StopSteps.await(undeploy(pipelineId), "stopping the pipeline");
    StopSteps.await(undeploy(consumerId), "stopping the consumer");
    StopSteps.await(vertx.close(), "closing Vert.x");
  }

  /** Source messages acknowledged, enriched records written and the consumer lag, so far. */
  DemoProgress progress() {
    Gauge lag = pipelineMeters.find("pipeline.consumer.lag").gauge();
    return new DemoProgress(
        producer.acknowledged(),
        count("pipeline.target.messages"),
        lag == null ? 0 : (long) lag.value(),
        System.nanoTime());
  }

  /** What the clients did so far, with {@code elapsed} as the run's length. */
  DemoSummary summary(Duration elapsed) {
    return new DemoSummary(
        valueOr(producer.completion(), ProducerReport::acknowledged),
        count("pipeline.records.in"),
        count("pipeline.target.messages"),
        count("pipeline.dlq.messages"),
        valueOr(consumer.completion(), ConsumerReport::records),
        elapsed);
  }

  private Future<Void> createTopics() {
    KafkaClientSettings kafka = KafkaClientSettings.plaintext(bootstrapServers);
    short brokerDefault = ProducerConfig.DEFAULT_REPLICATION_FACTOR;
    return KafkaTopics.createIfMissing(
            vertx, kafka, config.sourceTopic(), DemoClientConfigs.SOURCE_PARTITIONS, brokerDefault)
        .compose(
            v -> KafkaTopics.createIfMissing(vertx, kafka, config.targetTopic(), 1, brokerDefault))
        .compose(
            v -> KafkaTopics.createIfMissing(vertx, kafka, config.dlqTopic(), 1, brokerDefault))
        .mapEmpty();
  }

  private Future<Void> undeploy(String deploymentId) {
    return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
  }

  private static <T> long valueOr(Future<T> report, ToLongFunction<T> value) {
    return report.succeeded() ? value.applyAsLong(report.result()) : 0;
  }

  private long count(String counter) {
    Counter found = pipelineMeters.find(counter).counter();
    return found == null ? 0 : (long) found.count();
  }
}
