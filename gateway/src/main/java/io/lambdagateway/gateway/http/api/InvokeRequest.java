package io.lambdagateway.gateway.http.api;

import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.json.JsonScan;
import io.lambdagateway.gateway.platform.FunctionRegistry;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One Invoke API call as its request line and headers describe it: which function, how to run it,
 * and how large its body may be. {@link #parse} turns an HTTP request into this value or into the
 * one {@link ServiceError} Lambda would answer; {@link #event} then checks the body read within
 * {@link #payloadLimit()}. Pure: no I/O, no Vert.x thread needed.
 *
 * @param function the function to invoke ({@code $LATEST}, the only version there is)
 * @param type the {@code X-Amz-Invocation-Type}
 * @param logTail true when the reply carries {@code X-Amz-Log-Result} (a synchronous call with
 *     {@code X-Amz-Log-Type: Tail}; AWS ignores it for the other types)
 * @param payloadLimit the largest body of this invocation type, in bytes
 * @param clientContext the JSON of a synchronous call's {@code X-Amz-Client-Context} (decoded from
 *     base64), which the function sees as {@code context.clientContext}; empty when absent and for
 *     the other invocation types, as on AWS
 */
public record InvokeRequest(
    HostedFunction function,
    InvocationType type,
    boolean logTail,
    long payloadLimit,
    Optional<String> clientContext) {

  /** AWS's limit on {@code X-Amz-Client-Context}, base64 included. */
  public static final int MAX_CLIENT_CONTEXT_BYTES = 3583;

  private static final String PREFIX = "/2015-03-31/functions/";
  private static final String SUFFIX = "/invocations";
  private static final Buffer EMPTY_EVENT = Buffer.buffer("{}");

  /**
   * Checks, in Lambda's order: operation (method and path), function name and qualifier, the
   * function's existence, {@code X-Amz-Invocation-Type}, {@code X-Amz-Log-Type}, {@code
   * X-Amz-Client-Context}.
   *
   * @param rawPath the path as received, not percent-decoded
   * @param qualifierParam the decoded {@code Qualifier} query parameter, or null
   * @param header a header's value by case-insensitive name, or null
   * @throws ServiceError the answer to a request that cannot be invoked
   */
  public static InvokeRequest parse(
      String method,
      String rawPath,
      String qualifierParam,
      UnaryOperator<String> header,
      FunctionRegistry functions,
      GatewayConfig config) {
    HostedFunction fn = resolve(method, rawPath, qualifierParam, functions, config);
    InvocationType type = InvocationType.of(header.apply("X-Amz-Invocation-Type"));
    boolean tail = logTail(header.apply("X-Amz-Log-Type"));
    long limit =
        type == InvocationType.EVENT ? config.maxAsyncPayloadBytes() : config.maxSyncPayloadBytes();
    Optional<String> clientContext =
        type == InvocationType.SYNC
            ? clientContext(header.apply("X-Amz-Client-Context"))
            : Optional.empty();
    return new InvokeRequest(fn, type, tail && type == InvocationType.SYNC, limit, clientContext);
  }

  /**
   * The event the function receives for {@code body}: the body itself, or {@code {}} when it is
   * empty. CPU cost grows with the body (one streaming pass), except when {@link
   * #functionParsesEvent()}: the function's own parse then stands in for the pass.
   *
   * @throws ServiceError InvalidRequestContentException when the body is not one JSON value
   */
  public Buffer event(Buffer body) {
    Buffer event = body.length() == 0 ? EMPTY_EVENT : body;
    return functionParsesEvent() ? event : requireJson(event);
  }

  /**
   * True when the body is read once, by the function ({@link
   * io.lambdagateway.gateway.function.FunctionTraits#parsesJsonEvent}): for a synchronous call
   * only, as the other types answer before the function runs. After such a call fails, {@link
   * #requireJson} gives the body that is not JSON its 400.
   */
  public boolean functionParsesEvent() {
    return type == InvocationType.SYNC && function.function().traits().parsesJsonEvent();
  }

  /**
   * Returns {@code event} when it is one JSON value.
   *
   * @throws ServiceError InvalidRequestContentException when it is not
   */
  public Buffer requireJson(Buffer event) {
    String problem = JsonScan.problem(event.getBytes());
    if (problem != null) {
      throw ServiceError.invalidRequestContent(problem);
    }
    return event;
  }

  /** The 413 for a body of {@code length} bytes, over {@link #payloadLimit()}. */
  public ServiceError tooLarge(long length) {
    return type == InvocationType.EVENT
        ? ServiceError.requestTooLarge(
            length
                + " byte payload is too large for the"
                + " Event invocation type (limit "
                + payloadLimit
                + " bytes)")
        : ServiceError.requestTooLarge(
            "Request must be smaller than "
                + payloadLimit
                + " bytes for the InvokeFunction operation");
  }

  private static HostedFunction resolve(
      String method,
      String rawPath,
      String qualifierParam,
      FunctionRegistry functions,
      GatewayConfig config) {
    String segment = functionSegment(rawPath);
    if (!method.equals("POST") || segment == null) {
      throw ServiceError.unknownOperation(method, rawPath);
    }
    FunctionRef ref = FunctionRef.parse(segment, qualifierParam, config.region());
    HostedFunction fn = functions.find(ref.name()).orElse(null);
    String arn = config.functionArn(ref.name());
    if (fn == null) {
      throw ServiceError.functionNotFound(
          arn + ":" + (ref.qualifier() == null ? "$LATEST" : ref.qualifier()));
    }
    if (ref.qualifier() != null && !ref.qualifier().equals("$LATEST")) {
      // only $LATEST exists: there are no published versions or aliases
      throw ServiceError.functionNotFound(arn + ":" + ref.qualifier());
    }
    return fn;
  }

  /** {@code X} of {@code /2015-03-31/functions/X/invocations[/]}, or null for another path. */
  private static String functionSegment(String rawPath) {
    String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    if (!path.startsWith(PREFIX)
        || !path.endsWith(SUFFIX)
        || path.length() <= PREFIX.length() + SUFFIX.length()) {
      return null;
    }
    String segment = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
    return segment.indexOf('/') < 0 ? segment : null;
  }

  /**
   * The JSON text of a client-context header. Runtimes parse it (AWS's Node client fails the call
   * on bad JSON), so anything but base64 of one JSON object within AWS's size is refused here, with
   * AWS's code and message (AWS words a header over the size the same way).
   */
  private static Optional<String> clientContext(String header) {
    if (header == null || header.isEmpty()) {
      return Optional.empty();
    }
    if (header.length() > MAX_CLIENT_CONTEXT_BYTES) {
      throw ServiceError.invalidClientContext();
    }
    byte[] json;
    try {
      json = Base64.getDecoder().decode(header);
    } catch (IllegalArgumentException notBase64) {
      throw ServiceError.invalidClientContext();
    }
    String text = new String(json, StandardCharsets.UTF_8);
    if (!text.strip().startsWith("{") || JsonScan.problem(json) != null) {
      throw ServiceError.invalidClientContext();
    }
    return Optional.of(text);
  }

  private static boolean logTail(String header) {
    if (header == null || header.equals("None")) {
      return false;
    }
    if (header.equals("Tail")) {
      return true;
    }
    throw ServiceError.invalidParameter("Unsupported log type: " + header);
  }
}
