package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.function.FunctionError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Runtime API state of one execution environment: which invocation is outstanding, whether the
 * runtime is waiting on {@code /next}, and whether it has finished initialising.
 *
 * <p>One invocation at a time. Phases, named as RIE names them in its refusals: {@code Started}
 * (process running, no {@code /next} yet), {@code Ready} (waiting for or about to get an event),
 * {@code Running} (an event delivered, not yet answered), {@code RuntimeResponseSentState}
 * (answered; the runtime's next {@code /next} makes it Ready) and {@code Closed} (init failed,
 * process gone or being stopped). Thread-safe: the listener, the caller and the process watcher
 * call in from different threads; promises are completed outside the lock.
 */
final class RuntimeChannel {

  private enum Phase {
    STARTING("Started"),
    READY("Ready"),
    RUNNING("Running"),
    ANSWERED("RuntimeResponseSentState"),
    CLOSED("Closed");

    final String rieName;

    Phase(String rieName) {
      this.rieName = rieName;
    }
  }

  private record Pending(RuntimeEvent event, Promise<Buffer> result) {}

  private final Promise<Void> initialized = Promise.promise();
  private Phase phase = Phase.STARTING;
  private Pending undelivered;
  private Pending running;
  private Consumer<RuntimeEvent> parkedNext;

  /** Completes at the runtime's first {@code /next}; fails on an init error or early exit. */
  Future<Void> initialized() {
    return initialized.future();
  }

  /**
   * Hands {@code event} to the runtime (now if it waits on {@code /next}, else on its next one).
   *
   * @return the payload it posts, or a failure with the {@link FunctionError} it posts or that
   *     ended the environment
   */
  Future<Buffer> dispatch(RuntimeEvent event) {
    Pending pending = new Pending(event, Promise.promise());
    Consumer<RuntimeEvent> deliver;
    synchronized (this) {
      if (phase == Phase.CLOSED) {
        return Future.failedFuture(new IllegalStateException("execution environment closed"));
      }
      if (undelivered != null || running != null) {
        throw new IllegalStateException("an invocation is already outstanding");
      }
      undelivered = pending;
      deliver = deliverIfParked();
    }
    if (deliver != null) {
      deliver.accept(event);
    }
    return pending.result().future();
  }

  /**
   * A {@code GET /next}: {@code delivery} gets the event now or when one is dispatched.
   *
   * @return null when accepted, else the refusal
   */
  RuntimeApiError next(Consumer<RuntimeEvent> delivery) {
    boolean first;
    Consumer<RuntimeEvent> deliver;
    RuntimeEvent event;
    synchronized (this) {
      if (phase == Phase.CLOSED) {
        return RuntimeApiError.internal();
      }
      if (phase == Phase.RUNNING || parkedNext != null) {
        return RuntimeApiError.invalidStateTransition(phase.rieName, Phase.READY.rieName);
      }
      first = phase == Phase.STARTING;
      phase = Phase.READY;
      parkedNext = delivery;
      event = undelivered == null ? null : undelivered.event();
      deliver = deliverIfParked();
    }
    if (first) {
      initialized.tryComplete();
    }
    if (deliver != null) {
      deliver.accept(event);
    }
    return null;
  }

  /** The {@code /next} request behind {@code delivery} went away before it got an event. */
  synchronized void abandon(Consumer<RuntimeEvent> delivery) {
    if (parkedNext == delivery) {
      parkedNext = null;
    }
  }

  /**
   * Whether the runtime may now post {@code to} ({@code InvocationResponse} or {@code
   * InvocationErrorResponse}) for {@code requestId}.
   *
   * @return null when it may, else the refusal (state first, then the id, as RIE checks)
   */
  synchronized RuntimeApiError checkAnswer(String requestId, String to) {
    if (phase != Phase.RUNNING) {
      return RuntimeApiError.invalidStateTransition(phase.rieName, to);
    }
    if (!running.event().requestId().equals(requestId)) {
      return RuntimeApiError.invalidRequestId();
    }
    return null;
  }

  /** Completes the outstanding invocation with its response. */
  RuntimeApiError respond(String requestId, Buffer payload) {
    Pending answered;
    synchronized (this) {
      RuntimeApiError refused = checkAnswer(requestId, "InvocationResponse");
      if (refused != null) {
        return refused;
      }
      answered = takeRunning();
    }
    answered.result().tryComplete(payload);
    return null;
  }

  /** Fails the outstanding invocation with a function error (also a response over the limit). */
  RuntimeApiError fail(String requestId, FunctionError error) {
    Pending answered;
    synchronized (this) {
      RuntimeApiError refused = checkAnswer(requestId, "InvocationErrorResponse");
      if (refused != null) {
        return refused;
      }
      answered = takeRunning();
    }
    answered.result().tryFail(error);
    return null;
  }

  /**
   * A {@code POST /init/error}: initialisation failed with {@code error}; the invocation waiting
   * for this environment fails with it and the environment closes.
   */
  RuntimeApiError initError(FunctionError error) {
    synchronized (this) {
      if (phase != Phase.STARTING) {
        return RuntimeApiError.invalidStateTransition(phase.rieName, "InitError");
      }
    }
    close(requestId -> error);
    return null;
  }

  /**
   * Closes the channel: the outstanding invocation, if any, fails with {@code reason} applied to
   * its request id (or {@code "-"} when there is none), and so does initialisation if pending.
   */
  void close(Function<String, FunctionError> reason) {
    Pending outstanding;
    synchronized (this) {
      phase = Phase.CLOSED;
      outstanding = running != null ? running : undelivered;
      running = null;
      undelivered = null;
      parkedNext = null;
    }
    String requestId = outstanding == null ? "-" : outstanding.event().requestId();
    FunctionError error = reason.apply(requestId);
    initialized.tryFail(error);
    if (outstanding != null) {
      outstanding.result().tryFail(error);
    }
  }

  private Pending takeRunning() {
    Pending answered = running;
    running = null;
    phase = Phase.ANSWERED;
    return answered;
  }

  /** Under the lock: moves an undelivered event to a parked {@code /next}, if both exist. */
  private Consumer<RuntimeEvent> deliverIfParked() {
    if (undelivered == null || parkedNext == null) {
      return null;
    }
    Consumer<RuntimeEvent> deliver = parkedNext;
    running = undelivered;
    undelivered = null;
    parkedNext = null;
    phase = Phase.RUNNING;
    return deliver;
  }
}
