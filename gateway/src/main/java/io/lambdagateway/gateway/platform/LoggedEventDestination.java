package io.lambdagateway.gateway.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.json.Json;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-failure destination of a gateway without a state directory: one warning per failed event
 * with its invocation record, the request payload replaced by its size (a payload of up to 1 MB
 * does not belong in a log line).
 */
public final class LoggedEventDestination implements EventDestination {

  private static final Logger LOG = LoggerFactory.getLogger(LoggedEventDestination.class);

  @Override
  public Future<Void> deliver(ObjectNode invocationRecord) {
    ObjectNode logged = invocationRecord.deepCopy();
    int payloadBytes = Json.bytes(invocationRecord.path("requestPayload")).length;
    logged.remove("requestPayload");
    logged.put("requestPayloadBytes", payloadBytes);
    LOG.warn("Event invocation failed; no state directory, so only logged: {}", logged);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
