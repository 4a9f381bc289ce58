package io.lambdagateway.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Hands all the messages of one write to the Kafka producer in ONE worker task, and completes once
 * on the owner's context when Kafka acknowledged every one of them (or fails with the first error).
 * Why not the Vert.x producer's {@code send}: it hops to a worker thread and back to the event loop
 * for every message, two thread hand-offs per row of a batch of thousands. The producer's {@code
 * send} may block (metadata, a full buffer), hence the worker.
 *
 * <p>Order: tasks run one at a time in submission order (the context's ordered worker queue) and
 * the producer keeps the send order per partition, so messages reach each target partition in the
 * order of {@link #send} calls. Use from the owner's context.
 */
final class BatchSender {

  private final Context context;
  private final Producer<byte[], byte[]> producer;

  /**
   * @param context where results are reported and tasks are queued (the pipeline's)
   */
  BatchSender(Context context, Producer<byte[], byte[]> producer) {
    this.context = context;
    this.producer = producer;
  }

  /**
   * Sends {@code messages} in order; completes when all were acknowledged, fails on the first
   * error. {@code acknowledged} runs once per acknowledged message, on the producer's I/O thread.
   */
  Future<Void> send(List<ProducerRecord<byte[], byte[]>> messages, Runnable acknowledged) {
    if (messages.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    AtomicInteger unacknowledged = new AtomicInteger(messages.size());
    Callback callback =
        (metadata, err) -> {
          if (err != null) {
            context.runOnContext(v -> done.tryFail(err));
          } else {
            acknowledged.run();
            if (unacknowledged.decrementAndGet() == 0) {
              context.runOnContext(v -> done.tryComplete());
            }
          }
        };
    context
        .executeBlocking(
            () -> {
              for (ProducerRecord<byte[], byte[]> message : messages) {
                producer.send(message, callback);
              }
              return null;
            },
            true)
        .onFailure(done::tryFail);
    return done.future();
  }
}
