package io.lambdagateway.gateway.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.platform.Throttled;

/**
 * An error of the Lambda service itself (not of the function), rendered the AWS rest-json way:
 * status, {@code x-amzn-ErrorType: <code>} and {@code {"Type":"User","message"|"Message":...}}.
 *
 * <p>The message member's case follows the Lambda service model per exception, which both the Java
 * SDK and botocore accept. All factories are the only place that pick codes and statuses.
 */
public final class ServiceError extends RuntimeException {

  /** Model name of the 413 code; see {@link #requestTooLarge(String)} for why it is used. */
  public static final String REQUEST_TOO_LARGE = "RequestTooLargeException";

  private final int status;
  private final String code;
  private final String messageMember;
  private final String reason;

  private ServiceError(
      int status, String code, String messageMember, String message, String reason) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.messageMember = messageMember;
    this.reason = reason;
  }

  /** 404: no such function (or qualifier); the message names the ARN like AWS does. */
  public static ServiceError functionNotFound(String arn) {
    return resourceNotFound("Function not found: " + arn);
  }

  /**
   * 404: another resource of an existing function does not exist (a policy, an alias, an event
   * invoke configuration); the message is AWS's for that resource.
   */
  public static ServiceError resourceNotFound(String message) {
    return new ServiceError(404, "ResourceNotFoundException", "Message", message, null);
  }

  /** 404: an ARN names another region, which this endpoint cannot reach. */
  public static ServiceError functionNotFoundInRegion(String arnRegion, String region) {
    return new ServiceError(
        404,
        "ResourceNotFoundException",
        "Message",
        "Functions from '" + arnRegion + "' are not reachable in this region ('" + region + "')",
        null);
  }

  /** 404 for a path under the API prefix that is not an operation the gateway serves. */
  public static ServiceError unknownOperation(String method, String path) {
    return new ServiceError(
        404, "UnknownOperationException", "message", "No operation " + method + " " + path, null);
  }

  /**
   * 404 {@code UnknownOperationException} for a Lambda operation the gateway knows but does not
   * offer; the message says what to use instead.
   */
  public static ServiceError unsupportedOperation(String message) {
    return new ServiceError(404, "UnknownOperationException", "message", message, null);
  }

  /** 403: a Lambda API request without SigV4 authentication while verification is on. */
  public static ServiceError missingAuthenticationToken() {
    return new ServiceError(
        403,
        "MissingAuthenticationTokenException",
        "message",
        "Missing Authentication Token",
        null);
  }

  /** 403: the Authorization header or X-Amz-Date is not a complete SigV4 signature. */
  public static ServiceError incompleteSignature(String message) {
    return new ServiceError(403, "IncompleteSignatureException", "message", message, null);
  }

  /** 403: a SigV4 signature made with an access key that is not configured. */
  public static ServiceError unrecognizedClient() {
    return new ServiceError(
        403,
        "UnrecognizedClientException",
        "message",
        "The security token included in the request is invalid.",
        null);
  }

  /** 403: a wrong, expired or wrongly scoped SigV4 signature; the message says which. */
  public static ServiceError invalidSignature(String message) {
    return new ServiceError(403, "InvalidSignatureException", "message", message, null);
  }

  /** 400: the function name or another request field fails the model's constraints. */
  public static ServiceError validation(String message) {
    return new ServiceError(400, "ValidationException", "message", message, null);
  }

  /** 400: a parameter has a value the service rejects (e.g. a conflicting qualifier). */
  public static ServiceError invalidParameter(String message) {
    return new ServiceError(400, "InvalidParameterValueException", "message", message, null);
  }

  /** 400: the payload is not JSON. */
  public static ServiceError invalidRequestContent(String detail) {
    return new ServiceError(
        400,
        "InvalidRequestContentException",
        "message",
        "Could not parse request body into json: " + detail,
        null);
  }

  /** 400: {@code X-Amz-Client-Context} is not base64 of a JSON object within AWS's size. */
  public static ServiceError invalidClientContext() {
    return new ServiceError(
        400,
        "InvalidRequestContentException",
        "message",
        "Client context must be a valid Base64-encoded JSON object.",
        null);
  }

  /**
   * 413: the request payload is over the limit of its invocation type.
   *
   * <p>Real Lambda sends the unmodeled code {@code RequestEntityTooLargeException}; we send the
   * modeled {@code RequestTooLargeException} so that SDKs raise their typed exception ({@code
   * software.amazon.awssdk.services.lambda.model.RequestTooLargeException}, botocore's {@code
   * RequestTooLargeException}). The status (413) and message text match AWS.
   */
  public static ServiceError requestTooLarge(String message) {
    return new ServiceError(413, REQUEST_TOO_LARGE, "message", message, null);
  }

  /** 429 with a {@code Reason}; the caller should retry after a second. */
  public static ServiceError tooManyRequests(String reason) {
    return new ServiceError(429, "TooManyRequestsException", "message", "Rate Exceeded.", reason);
  }

  /**
   * 400: the body's {@code Content-Encoding} (gzip or deflate) does not decode; Lambda's code for a
   * body it cannot read.
   */
  public static ServiceError undecodableBody(String encoding) {
    return new ServiceError(
        400,
        "InvalidRequestContentException",
        "message",
        "Could not decode the request body as Content-Encoding: " + encoding,
        null);
  }

  /**
   * 400: the request itself is malformed (a bad percent-escape in its path, or both {@code
   * Content-Length} and {@code Transfer-Encoding}).
   */
  public static ServiceError malformedRequest(String message) {
    return new ServiceError(400, "ValidationException", "message", message, null);
  }

  /**
   * 408: the body arrived slower than the minimum rate. Not a Lambda code (Lambda has no such limit
   * to report); SDKs see a generic error with the status.
   */
  public static ServiceError bodyTooSlow(String message) {
    return new ServiceError(408, "RequestTimeoutException", "message", message, null);
  }

  /** 409: the resource exists already (a function name taken) or is being changed. */
  public static ServiceError resourceConflict(String message) {
    return new ServiceError(409, "ResourceConflictException", "message", message, null);
  }

  /** 412: the caller's {@code RevisionId} is not the function's current one. */
  public static ServiceError preconditionFailed(String message) {
    return new ServiceError(412, "PreconditionFailedException", "message", message, null);
  }

  /** 403: the call is not allowed here; the message says why (IAM's code for a denied call). */
  public static ServiceError accessDenied(String message) {
    return new ServiceError(403, "AccessDeniedException", "Message", message, null);
  }

  /** 500: an unexpected failure of the gateway itself. */
  public static ServiceError internal(String message) {
    return new ServiceError(500, "ServiceException", "Message", message, null);
  }

  /**
   * The service error a failed invocation or request step stands for: itself, a 429 for a {@link
   * Throttled} call, else a 500 naming the unexpected failure.
   */
  public static ServiceError of(Throwable failure) {
    if (failure instanceof ServiceError error) {
      return error;
    }
    if (failure instanceof Throttled throttled) {
      return tooManyRequests(throttled.reason());
    }
    return internal("Unexpected gateway failure: " + failure);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The {@code Reason} of a throttle, or null. */
  public String reason() {
    return reason;
  }

  /** Seconds for {@code Retry-After}, or -1 when the error is not retryable by waiting. */
  public int retryAfterSeconds() {
    return status == 429 ? 1 : -1;
  }

  /** The JSON body: {@code Type}, the message under the model's member name, {@code Reason}. */
  public ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("Type", status >= 500 ? "Service" : "User");
    body.put(messageMember, getMessage());
    if (reason != null) {
      body.put("Reason", reason);
    }
    return body;
  }
}
