package io.lambdagateway.gateway.platform;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;

/**
 * One accepted Event invocation, as the journal keeps it until it has run.
 *
 * @param requestId the id the 202 answer carried; the event's identity in the journal
 * @param functionName the function it invokes
 * @param acceptedAt when the gateway accepted it; its age counts from here, across restarts
 * @param payload the event the function receives
 */
public record QueuedEvent(
    String requestId, String functionName, Instant acceptedAt, Buffer payload) {}
