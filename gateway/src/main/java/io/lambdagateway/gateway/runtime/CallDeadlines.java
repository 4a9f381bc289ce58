package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.function.Invocation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The timing of a call in one environment, as Lambda times it: init bounded on its own, then the
 * invoke phase up to the call's deadline. It only arms and cancels the timers; what a missed
 * deadline does (fail the call, kill the process) is the environment's.
 */
final class CallDeadlines {

  private final Vertx vertx;
  private final RuntimeChannel channel;
  private final RuntimeSettings settings;
  private final Runnable onInitTimeout;
  private final Consumer<String> onTimeout;

  /**
   * @param onInitTimeout called when init outlasts {@link RuntimeSettings#initTimeout()}
   * @param onTimeout called with the request id of a call not answered by its deadline
   */
  CallDeadlines(
      Vertx vertx,
      RuntimeChannel channel,
      RuntimeSettings settings,
      Runnable onInitTimeout,
      Consumer<String> onTimeout) {
    this.vertx = vertx;
    this.channel = channel;
    this.settings = settings;
    this.onInitTimeout = onInitTimeout;
    this.onTimeout = onTimeout;
  }

  /**
   * The deadline of the call's invoke phase: the call's own in a warm environment; in a new one,
   * once the runtime has initialised (within {@link RuntimeSettings#initTimeout()}, else {@code
   * onInitTimeout}), the function's timeout from then, as Lambda times a cold start.
   */
  Future<Long> invokePhase(Invocation inv) {
    if (channel.initialized().isComplete()) {
      return channel.initialized().map(warm -> inv.deadlineMillis());
    }
    inv.phases().initPhaseStarts();
    long limit = vertx.setTimer(settings.initTimeout().toMillis(), t -> onInitTimeout.run());
    return channel
        .initialized()
        .andThen(done -> vertx.cancelTimer(limit))
        .map(initialized -> inv.phases().invokePhaseStarts());
  }

  /**
   * Hands the event to the runtime; {@code onTimeout} if it is not answered by {@code deadline}.
   */
  Future<Buffer> dispatch(Buffer event, Invocation inv, long deadline) {
    long timer =
        vertx.setTimer(
            Math.max(1, deadline - System.currentTimeMillis()),
            t -> onTimeout.accept(inv.requestId()));
    RuntimeEvent runtimeEvent =
        new RuntimeEvent(
            inv.requestId(),
            deadline,
            inv.functionArn(),
            TraceHeaders.fresh(),
            inv.clientContext(),
            Optional.empty(),
            event);
    return channel.dispatch(runtimeEvent).andThen(done -> vertx.cancelTimer(timer));
  }
}
