package io.lambdagateway.gateway.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;

/**
 * Where an Event invocation goes when it exhausts its retry policy: Lambda's on-failure
 * destination. It receives the invocation record Lambda sends (see {@link InvocationRecord}). An
 * event leaves the journal only once its destination has taken it; a destination that fails leaves
 * it there, to be tried again after a restart.
 */
public interface EventDestination {

  /** Completes once {@code invocationRecord} is kept. */
  Future<Void> deliver(ObjectNode invocationRecord);

  /** Releases what the destination holds open. */
  Future<Void> close();
}
