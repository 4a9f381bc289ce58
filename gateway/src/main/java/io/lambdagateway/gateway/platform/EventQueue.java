package io.lambdagateway.gateway.platform;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue behind {@code X-Amz-Invocation-Type: Event}: accepted calls are journaled, wait here
 * and run in the background, at most {@code concurrency} at a time. When {@code capacity} calls are
 * waiting, or the accepted calls' payloads reach {@code maxBytes}, {@link #offer} refuses and the
 * caller answers 429.
 *
 * <p>A call is in the {@link EventJournal} before {@link #offer} completes, so one accepted before
 * a stop runs after the next start. A call that fails (function error, throttle, anything thrown)
 * is retried after each delay of the {@link EventRetryPolicy}, keeping its running slot meanwhile;
 * one that has no retry left, or has grown older than the maximum event age, goes to the {@link
 * EventDestination} as an {@link InvocationRecord}. Only then, or on success, does it leave the
 * journal. Thread-safe.
 */
public final class EventQueue {

  /**
   * @param capacity calls waiting to run, at most
   * @param concurrency calls running at once
   * @param maxBytes payload bytes of the calls accepted and not yet finished, at most
   */
  public record Limits(int capacity, int concurrency, long maxBytes) {}

  private record Pending(HostedFunction fn, QueuedEvent event) {}

  private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

  private final Vertx vertx;
  private final Invoker invoker;
  private final UnaryOperator<String> functionArn;
  private final Limits limits;
  private final EventRetryPolicy policy;
  private final EventJournal journal;
  private final EventDestination destination;
  private final Queue<Pending> waiting = new ArrayDeque<>();
  private int accepting;
  private int running;
  private long bytes;
  private boolean closed;

  /**
   * @param functionArn the unqualified ARN of a function name, for invocation records
   */
  public EventQueue(
      Vertx vertx,
      Invoker invoker,
      UnaryOperator<String> functionArn,
      Limits limits,
      EventRetryPolicy policy,
      EventJournal journal,
      EventDestination destination) {
    this.vertx = vertx;
    this.invoker = invoker;
    this.functionArn = functionArn;
    this.limits = limits;
    this.policy = policy;
    this.journal = journal;
    this.destination = destination;
  }

  /**
   * Journals and queues one Event invocation of {@code fn}; call on a Vert.x thread.
   *
   * @return true once the call is journaled, false when the queue is full; failed when the journal
   *     cannot be written
   */
  public Future<Boolean> offer(HostedFunction fn, Buffer payload, String requestId) {
    QueuedEvent event = new QueuedEvent(requestId, fn.name(), Instant.now(), payload);
    synchronized (this) {
      if (closed
          || waiting.size() + accepting >= limits.capacity()
          || bytes + payload.length() > limits.maxBytes()) {
        return Future.succeededFuture(false);
      }
      accepting++;
      bytes += payload.length();
    }
    return journal
        .append(event)
        .transform(
            appended -> {
              synchronized (this) {
                accepting--;
                if (appended.succeeded()) {
                  waiting.add(new Pending(fn, event));
                } else {
                  bytes -= payload.length();
                }
              }
              if (appended.failed()) {
                LOG.error(
                    "Event invocation {} not accepted: journal write failed",
                    requestId,
                    appended.cause());
                return Future.failedFuture(appended.cause());
              }
              pump();
              return Future.succeededFuture(true);
            });
  }

  /**
   * Queues the events an earlier run journaled and did not finish, whatever the capacity (they were
   * accepted); one whose function no longer exists goes straight to the destination. Callable from
   * any thread.
   */
  public void restore(List<QueuedEvent> events, FunctionRegistry functions) {
    if (events.isEmpty()) {
      return;
    }
    LOG.info("Event journal: {} event(s) accepted before the restart will run", events.size());
    vertx.runOnContext(
        v -> {
          for (QueuedEvent event : events) {
            Optional<HostedFunction> fn = functions.find(event.functionName());
            if (fn.isEmpty()) {
              giveUp(event, InvocationRecord.RETRIES_EXHAUSTED, 0, functionGone(event));
              continue;
            }
            synchronized (this) {
              waiting.add(new Pending(fn.get(), event));
              bytes += event.payload().length();
            }
          }
          pump();
        });
  }

  /** Calls accepted, queued or running, for the health check. */
  public synchronized int size() {
    return waiting.size() + running + accepting;
  }

  /**
   * Starts no more calls and closes the journal and the destination. Calls not finished stay in the
   * journal and run after the next start.
   */
  public Future<Void> close() {
    synchronized (this) {
      closed = true;
    }
    return journal.close().transform(done -> destination.close());
  }

  private void pump() {
    Pending next;
    synchronized (this) {
      if (closed || running >= limits.concurrency() || waiting.isEmpty()) {
        return;
      }
      next = waiting.poll();
      running++;
    }
    Future<Void> call;
    try {
      call = attempt(next, 1, null);
    } catch (Throwable thrown) { // even an Error must end the call and free its place
      call = Future.failedFuture(thrown);
    }
    call.onComplete(
        done -> {
          if (done.failed()) {
            LOG.error(
                "Event invocation {} ended abnormally", next.event().requestId(), done.cause());
          }
          synchronized (this) {
            running--;
            bytes -= next.event().payload().length();
          }
          pump();
        });
    pump();
  }

  /**
   * Attempt number {@code number} (1-based) of {@code p}, after one that failed with {@code last}.
   */
  private Future<Void> attempt(Pending p, int number, EventFailure last) {
    if (policy.expired(p.event().acceptedAt(), Instant.now())) {
      return giveUp(p.event(), InvocationRecord.EVENT_AGE_EXCEEDED, number - 1, last);
    }
    return call(p)
        .transform(
            result -> {
              EventFailure failure = failure(result);
              if (failure == null) {
                return finish(p.event());
              }
              if (number > policy.maxRetries()) {
                return giveUp(p.event(), InvocationRecord.RETRIES_EXHAUSTED, number, failure);
              }
              if (isClosed()) {
                return Future.succeededFuture(); // stays journaled, retried after the next start
              }
              return vertx
                  .timer(policy.delayBefore(number).toMillis())
                  .compose(waited -> attempt(p, number + 1, failure));
            });
  }

  private Future<InvocationOutcome> call(Pending p) {
    try {
      return invoker.invoke(p.fn(), p.event().payload(), p.event().requestId(), "event");
    } catch (Throwable thrown) { // an Error from the function must not skip the retry policy
      return Future.failedFuture(thrown);
    }
  }

  private static EventFailure failure(AsyncResult<InvocationOutcome> result) {
    if (result.failed()) {
      return EventFailure.of(result.cause());
    }
    return result.result().failed() ? EventFailure.of(result.result().error()) : null;
  }

  private Future<Void> finish(QueuedEvent event) {
    if (isClosed()) {
      return Future.succeededFuture(); // the journal is closed: it runs again after a restart
    }
    return journal
        .remove(event.requestId())
        .recover(
            failed -> {
              LOG.warn(
                  "Event invocation {} finished; the journal could not record it, so it"
                      + " runs again after a restart: {}",
                  event.requestId(),
                  failed.toString());
              return Future.succeededFuture();
            });
  }

  private Future<Void> giveUp(
      QueuedEvent event, String condition, int attempts, EventFailure last) {
    if (isClosed()) {
      return Future.succeededFuture();
    }
    ObjectNode record =
        InvocationRecord.of(
            event,
            functionArn.apply(event.functionName()) + ":$LATEST",
            condition,
            attempts,
            last,
            Instant.now());
    LOG.warn(
        "Event invocation {} of {}: {} after {} attempt(s); sent to the on-failure destination",
        event.requestId(),
        event.functionName(),
        condition,
        attempts);
    return destination
        .deliver(record)
        .transform(
            delivered -> {
              if (delivered.succeeded()) {
                return finish(event);
              }
              LOG.error(
                  "Event invocation {}: the on-failure destination failed; it stays in the"
                      + " journal and runs again after a restart",
                  event.requestId(),
                  delivered.cause());
              return Future.succeededFuture();
            });
  }

  private EventFailure functionGone(QueuedEvent event) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("Type", "User");
    body.put("message", "Function not found: " + functionArn.apply(event.functionName()));
    return new EventFailure(404, null, body);
  }

  private synchronized boolean isClosed() {
    return closed;
  }
}
