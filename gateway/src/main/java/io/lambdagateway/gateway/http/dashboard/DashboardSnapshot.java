package io.lambdagateway.gateway.http.dashboard;

import io.lambdagateway.gateway.GatewayServices;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.lambdagateway.gateway.platform.LiveStats;
import io.lambdagateway.gateway.platform.LiveStats.FunctionStats;
import io.lambdagateway.gateway.platform.RecentInvocation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The dashboard's JSON: {@code functions} (name, runtime, state, in flight and limit, totals, rates
 * and p50/p99 in milliseconds), {@code recent} (the last invocations, newest first, without their
 * logs) and whether their logs are served ({@code invocationLogs}).
 */
final class DashboardSnapshot {

  private DashboardSnapshot() {}

  static JsonObject of(GatewayServices services, LiveStats live, boolean invocationLogs) {
    JsonArray functions = new JsonArray();
    String state = services.draining().get() ? "Draining" : "Active";
    for (HostedFunction fn : services.functions().all()) {
      functions.add(function(fn, live.stats(fn.name()), state, services.config().maxConcurrency()));
    }
    JsonArray recent = new JsonArray();
    live.recent().forEach(call -> recent.add(invocation(call)));
    return new JsonObject()
        .put("time", System.currentTimeMillis())
        .put("functions", functions)
        .put("recent", recent)
        .put("invocationLogs", invocationLogs);
  }

  private static JsonObject function(
      HostedFunction fn, FunctionStats stats, String state, int accountLimit) {
    return new JsonObject()
        .put("name", fn.name())
        .put("runtime", fn.function().runtimeName())
        .put("state", state)
        .put("inFlight", stats.inFlight())
        .put("limit", fn.reservedConcurrency().orElse(accountLimit))
        .put("invocations", stats.invocations())
        .put("errors", stats.errors())
        .put("throttles", stats.throttles())
        .put("perSecond", stats.perSecond())
        .put("errorsPerSecond", stats.errorsPerSecond())
        .put("p50Ms", stats.p50Millis())
        .put("p99Ms", stats.p99Millis());
  }

  private static JsonObject invocation(RecentInvocation call) {
    return new JsonObject()
        .put("requestId", call.requestId())
        .put("function", call.function())
        .put("channel", call.channel())
        .put("outcome", call.outcome())
        .put("errorType", call.errorType())
        .put("durationMs", call.durationMillis())
        .put("bytesIn", call.bytesIn())
        .put("bytesOut", call.bytesOut())
        .put("time", call.epochMillis());
  }
}
