package io.lambdagateway.gateway;

import io.lambdagateway.gateway.platform.EventDestination;
import io.lambdagateway.gateway.platform.EventDestinations;
import io.lambdagateway.gateway.platform.EventJournal;
import io.lambdagateway.gateway.platform.FileEventJournal;
import io.vertx.core.Vertx;

/** Where failed asynchronous events go, and the journal of those still queued. */
record EventStores(EventDestination destination, EventJournal journal) {

  /**
   * Opens the destination, then the journal; when one cannot be used, closes what was opened and
   * {@code vertx}, and throws. The destination first: the journal holds the state directory's lock,
   * which its close releases only later, on a worker; a start that fails after taking it would
   * leave the lock held for a moment beyond the exception, and an immediate retry would find it
   * taken.
   */
  static EventStores open(Vertx vertx, GatewayConfig config) {
    EventDestination destination;
    try {
      destination = EventDestinations.open(vertx, config.eventOnFailure(), config.stateDir());
    } catch (IllegalArgumentException cannotUse) {
      vertx.close();
      throw cannotUse;
    }
    try {
      EventJournal journal =
          config
              .stateDir()
              .<EventJournal>map(dir -> FileEventJournal.open(vertx, dir))
              .orElse(EventJournal.inMemory());
      return new EventStores(destination, journal);
    } catch (IllegalArgumentException cannotUse) {
      destination.close().onComplete(closed -> vertx.close());
      throw cannotUse;
    }
  }
}
