package io.lambdagateway.gateway.platform;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where accepted Event invocations are kept until they have run, so that a restart does not lose
 * them. {@link EventQueue} appends an event before the caller gets its 202 and removes it once the
 * event has succeeded or reached its on-failure destination.
 */
public interface EventJournal {

  /** The events an earlier run accepted and did not finish, in the order they were accepted. */
  List<QueuedEvent> recovered();

  /** Completes once {@code event} would survive a crash of the gateway. */
  Future<Void> append(QueuedEvent event);

  /** Forgets the event; it will not run again after a restart. */
  Future<Void> remove(String requestId);

  /** Stops writing; calls after this fail. Events still kept run after the next start. */
  Future<Void> close();

  /** A journal that keeps nothing: events live in the queue's memory only, as before. */
  static EventJournal inMemory() {
    return InMemory.INSTANCE;
  }

  /** The journal of a gateway without a state directory. */
  enum InMemory implements EventJournal {
    INSTANCE;

    @Override
    public List<QueuedEvent> recovered() {
      return List.of();
    }

    @Override
    public Future<Void> append(QueuedEvent event) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> remove(String requestId) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
