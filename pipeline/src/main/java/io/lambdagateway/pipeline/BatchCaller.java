package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.ResultRecord;
import io.lambdagateway.transfer.TableSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches to the function with Transfer's retry rule: a call fails on a transport error, a
 * timeout, a non-2xx status, a function error, a body that is not the response shape or a result
 * count different from the request's; a failed call is retried up to {@code retries} times with
 * {@link Backoff exponential back-off and jitter}. Then the returned future fails.
 *
 * <p>A failure is <b>deterministic</b>, and the future fails with {@link
 * DeterministicFailureException}, when calling again cannot pass: at once when an attempt hits a
 * size limit ({@link InvocationException.Failure#TOO_LARGE}: 413, {@code
 * Function.ResponseSizeTooLarge}; not retried), or when every attempt ({@code 1 + retries}) failed
 * with a function error other than a timeout or with an invalid response. One transient failure
 * (transport, timeout, 429, 5xx) among the attempts makes the failure transient.
 */
public final class BatchCaller {

  private static final Logger LOG = LoggerFactory.getLogger(BatchCaller.class);
  private static final byte[] EMPTY_BATCH = "{\"Records\":[]}".getBytes();

  /**
   * Responses up to this size are parsed on the consumer's event loop; larger ones (a 6 MB answer
   * takes tens of milliseconds) on a worker, so that one batch cannot stall polling and commits.
   */
  static final int INLINE_PARSE_LIMIT_BYTES = 256 * 1024;

  private final Vertx vertx;
  private final LambdaInvoker invoker;
  private final int retries;
  private final Backoff backoff;
  private final PipelineMetrics metrics;

  public BatchCaller(
      Vertx vertx, LambdaInvoker invoker, int retries, Backoff backoff, PipelineMetrics metrics) {
    this.vertx = vertx;
    this.invoker = invoker;
    this.retries = retries;
    this.backoff = backoff;
    this.metrics = metrics;
  }

  /** Calls the function with the batch; the results, one per record, in order. */
  public Future<List<ResultRecord>> call(Batch batch) {
    List<String> eventIds = batch.eventIds();
    return attempt(
        () -> invoker.invoke(batch::request).compose(body -> parse(body, eventIds)), 0, true);
  }

  private Future<List<ResultRecord>> parse(byte[] body, List<String> eventIds) {
    if (body.length <= INLINE_PARSE_LIMIT_BYTES) {
      return Future.succeededFuture(body).map(inline -> TransferResponses.read(inline, eventIds));
    }
    return vertx.executeBlocking(() -> TransferResponses.read(body, eventIds), false);
  }

  /**
   * Transfer's start-up schema probe: one call with {@code {"Records":[]}}, which must be answered
   * 2xx with a valid body; retried like any call.
   */
  public Future<Void> probe() {
    return attempt(() -> invoker.invoke(EMPTY_BATCH).map(TransferResponses::readProbe), 0, true)
        .onSuccess(BatchCaller::logProbeAnswer)
        .mapEmpty();
  }

  /** Most functions declare no schema; saying "null" at INFO only puzzled people. */
  private static void logProbeAnswer(TableSchema schema) {
    if (schema == null) {
      LOG.debug("schema probe answered without a table schema");
    } else {
      LOG.info("schema probe answered; the function declares the result schema {}", schema);
    }
  }

  /**
   * @param deterministicSoFar every earlier attempt failed deterministically
   */
  private <T> Future<T> attempt(CallStep<T> step, int retry, boolean deterministicSoFar) {
    long started = System.nanoTime();
    return step.run()
        .andThen(ar -> metrics.invocation(ar.succeeded(), System.nanoTime() - started))
        .recover(
            err -> {
              InvocationException.Failure failure = InvocationException.failureOf(err);
              boolean deterministic =
                  deterministicSoFar && failure != InvocationException.Failure.TRANSIENT;
              if (failure == InvocationException.Failure.TOO_LARGE) {
                return Future.failedFuture(new DeterministicFailureException(err));
              }
              if (retry >= retries) {
                return Future.failedFuture(
                    deterministic ? new DeterministicFailureException(err) : err);
              }
              long delay = backoff.delayMs(retry + 1, ThreadLocalRandom.current()::nextDouble);
              LOG.warn(
                  "function call failed ({}), retry {}/{} in {} ms",
                  err.getMessage(),
                  retry + 1,
                  retries,
                  delay);
              metrics.retry();
              return vertx.timer(delay).compose(v -> attempt(step, retry + 1, deterministic));
            });
  }

  /** One call and its checks. */
  @FunctionalInterface
  private interface CallStep<T> {
    Future<T> run();
  }
}
