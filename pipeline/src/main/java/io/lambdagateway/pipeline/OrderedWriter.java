package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Issues writes in submission order without waiting for acknowledgements: a write starts once its
 * input is ready AND the previous submission's write was issued (or failed before issuing). The
 * producer keeps the issue order per partition, so rows keep the source order unless a failed write
 * has to be re-sent. With {@code oneAtATime} a write starts only after the previous one finished
 * (acknowledged, or failed for good), for writes that are transactions. A write that fails is
 * retried through {@link StallRetry} until it succeeds. Keeps the writes not yet finished, for the
 * grace period on stop. Not thread-safe: use from one context.
 */
final class OrderedWriter {

  private final StallRetry stallRetry;
  private final boolean oneAtATime;
  private final Set<Future<Void>> inFlight = new HashSet<>();

  /** Completes when the latest submission's write was issued (finished, if one at a time). */
  private Future<Void> issueOrder = Future.succeededFuture();

  OrderedWriter(StallRetry stallRetry, boolean oneAtATime) {
    this.stallRetry = stallRetry;
    this.oneAtATime = oneAtATime;
  }

  /**
   * Writes {@code ready}'s value with {@code write} after the previous submission's write was
   * issued (finished, if one at a time); the result completes when the write was acknowledged, and
   * fails when {@code ready} failed (or the retries were cut short by a stop).
   *
   * @param what names the write in log lines
   */
  <T> Future<Void> submit(Future<T> ready, Function<T, Future<Void>> write, String what) {
    Promise<Void> issued = Promise.promise();
    Future<Void> written =
        issueOrder
            .transform(ar -> ready)
            .compose(
                value -> {
                  Future<Void> acked;
                  try {
                    acked = write.apply(value);
                  } catch (RuntimeException e) {
                    acked = Future.failedFuture(e);
                  } finally {
                    issued.complete();
                  }
                  return acked.recover(
                      err -> stallRetry.untilDone(err, () -> write.apply(value), what));
                },
                err -> {
                  issued.complete();
                  return Future.failedFuture(err);
                });
    issueOrder = oneAtATime ? written.transform(ar -> Future.succeededFuture()) : issued.future();
    inFlight.add(written);
    written.onComplete(ar -> inFlight.remove(written));
    return written;
  }

  /** Number of submissions not finished yet. */
  int inFlight() {
    return inFlight.size();
  }

  /** Completes when every submission made so far has finished, successfully or not. */
  Future<Void> settled() {
    return Future.join(new ArrayList<>(inFlight)).mapEmpty();
  }
}
