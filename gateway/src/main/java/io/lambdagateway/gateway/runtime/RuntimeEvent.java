package io.lambdagateway.gateway.runtime;

import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * One invocation as the Runtime API hands it to a runtime on {@code /invocation/next}: the payload
 * as the body, the rest as {@code Lambda-Runtime-*} headers.
 *
 * @param deadlineMillis epoch milliseconds of the timeout ({@code Lambda-Runtime-Deadline-Ms})
 * @param traceId the X-Ray trace header value ({@code Lambda-Runtime-Trace-Id})
 * @param clientContext the client context JSON, when the caller sent one
 * @param cognitoIdentity the Cognito identity JSON, when there is one
 */
record RuntimeEvent(
    String requestId,
    long deadlineMillis,
    String functionArn,
    String traceId,
    Optional<String> clientContext,
    Optional<String> cognitoIdentity,
    Buffer payload) {}
