package io.lambdagateway.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations}, the Lambda Invoke API.
 *
 * <p>RequestResponse → 200 + the function's bytes (function errors too, flagged by
 * {@code X-Amz-Function-Error: Unhandled}); Event → 202, queued; DryRun → 204, not run. Service
 * errors are AWS-shaped (see {@link ServiceError}). Signatures are not checked.
 */
final class InvokeApiHandler {

  private static final Logger LOG = LoggerFactory.getLogger(InvokeApiHandler.class);
  private static final Pattern PATH =
      Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations/?$");
  private static final Buffer EMPTY_EVENT = Buffer.buffer("{}");
  private static final int EVENT_ATTEMPTS = 3;

  private final Vertx vertx;
  private final GatewayServices services;

  InvokeApiHandler(Vertx vertx, GatewayServices services) {
    this.vertx = vertx;
    this.services = services;
  }

  void handle(RoutingContext ctx) {
    String requestId = RequestIds.next();
    HttpServerRequest request = ctx.request();
    try {
      HostedFunction fn = resolve(request);
      InvocationType type = InvocationType.of(request.getHeader("X-Amz-Invocation-Type"));
      boolean tail = logTail(request.getHeader("X-Amz-Log-Type"));
      long limit = type == InvocationType.EVENT
          ? services.config().maxAsyncPayloadBytes() : services.config().maxSyncPayloadBytes();
      BodyReader.read(request, limit)
          .onSuccess(body -> dispatch(ctx, fn, type, tail && type == InvocationType.SYNC,
              body, requestId))
          .onFailure(failure -> rejectBody(ctx, failure, type, requestId));
    } catch (ServiceError error) {
      HttpReplies.serviceError(ctx.response(), error, requestId);
    }
  }

  private HostedFunction resolve(HttpServerRequest request) {
    Matcher m = PATH.matcher(request.path());
    if (!m.matches()) {
      throw ServiceError.unknownOperation(request.method().name(), request.path());
    }
    GatewayConfig config = services.config();
    FunctionRef ref = FunctionRef.parse(m.group(1), request.getParam("Qualifier"),
        config.region());
    HostedFunction fn = services.functions().find(ref.name()).orElse(null);
    String arn = config.functionArn(ref.name());
    if (fn == null) {
      throw ServiceError.functionNotFound(arn + ":" + qualifierOrLatest(ref));
    }
    if (ref.qualifier() != null && !ref.qualifier().equals("$LATEST")) {
      // only $LATEST exists: there are no published versions or aliases
      throw ServiceError.functionNotFound(arn + ":" + ref.qualifier());
    }
    return fn;
  }

  private static String qualifierOrLatest(FunctionRef ref) {
    return ref.qualifier() == null ? "$LATEST" : ref.qualifier();
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

  private void dispatch(RoutingContext ctx, HostedFunction fn, InvocationType type, boolean tail,
      Buffer body, String requestId) {
    Buffer event = body.length() == 0 ? EMPTY_EVENT : body;
    CpuWork.run(vertx, event.length(),
            () -> Optional.ofNullable(JsonScan.problem(event.getBytes())))
        .onSuccess(problem -> {
          if (problem.isPresent()) {
            HttpReplies.serviceError(ctx.response(),
                ServiceError.invalidRequestContent(problem.get()), requestId);
          } else {
            run(ctx, fn, type, tail, event, requestId);
          }
        })
        .onFailure(unexpected -> HttpReplies.serviceError(ctx.response(),
            ServiceError.internal("Unexpected gateway failure: " + unexpected), requestId));
  }

  private void run(RoutingContext ctx, HostedFunction fn, InvocationType type, boolean tail,
      Buffer event, String requestId) {
    switch (type) {
      case DRY_RUN -> success(ctx.response(), requestId).setStatusCode(204).end();
      case EVENT -> enqueue(ctx, fn, event, requestId);
      case SYNC -> invokeSync(ctx, fn, event, tail, requestId);
    }
  }

  private void invokeSync(RoutingContext ctx, HostedFunction fn, Buffer event, boolean tail,
      String requestId) {
    services.invoker().invoke(fn, event, requestId, "invoke").onComplete(result -> {
      HttpServerResponse response = ctx.response();
      if (result.failed()) {
        HttpReplies.serviceError(response, asServiceError(result.cause()), requestId);
        return;
      }
      InvocationOutcome outcome = result.result();
      success(response, requestId).putHeader("Content-Type", HttpReplies.APPLICATION_JSON);
      if (tail) {
        response.putHeader("X-Amz-Log-Result",
            Base64.getEncoder().encodeToString(outcome.log().tail()));
      }
      if (outcome.failed()) {
        response.putHeader("X-Amz-Function-Error", "Unhandled")
            .end(Buffer.buffer(HttpReplies.bytes(outcome.error().toJson())));
      } else {
        response.end(outcome.payload());
      }
    });
  }

  private void enqueue(RoutingContext ctx, HostedFunction fn, Buffer event, String requestId) {
    boolean accepted = services.events().offer(() -> runEvent(fn, event, requestId, 1));
    if (accepted) {
      success(ctx.response(), requestId).setStatusCode(202).end();
    } else {
      HttpReplies.serviceError(ctx.response(),
          ServiceError.tooManyRequests(ConcurrencyLimiter.ACCOUNT_LIMIT), requestId);
    }
  }

  /** Lambda retries a failed Event invocation twice; we wait 1 s, then 2 s (AWS: minutes). */
  private Future<Void> runEvent(HostedFunction fn, Buffer event, String requestId, int attempt) {
    return services.invoker().invoke(fn, event, requestId, "event")
        .transform(result -> {
          boolean ok = result.succeeded() && !result.result().failed();
          if (ok || attempt >= EVENT_ATTEMPTS) {
            if (!ok) {
              LOG.warn("Event invocation {} of {} failed after {} attempts; dropped",
                  requestId, fn.name(), attempt);
            }
            return Future.succeededFuture();
          }
          return vertx.timer(attempt * 1000L)
              .compose(v -> runEvent(fn, event, requestId, attempt + 1));
        });
  }

  private static HttpServerResponse success(HttpServerResponse response, String requestId) {
    return response.putHeader("x-amzn-RequestId", requestId)
        .putHeader("X-Amz-Executed-Version", "$LATEST");
  }

  private void rejectBody(RoutingContext ctx, Throwable failure, InvocationType type,
      String requestId) {
    if (!(failure instanceof BodyReader.TooLarge tooLarge)) {
      LOG.debug("request body could not be read", failure);
      ctx.request().connection().close();
      return;
    }
    GatewayConfig config = services.config();
    ServiceError error = type == InvocationType.EVENT
        ? ServiceError.requestTooLarge(tooLarge.length() + " byte payload is too large for the"
            + " Event invocation type (limit " + config.maxAsyncPayloadBytes() + " bytes)")
        : ServiceError.requestTooLarge("Request must be smaller than "
            + config.maxSyncPayloadBytes() + " bytes for the InvokeFunction operation");
    if (tooLarge.drained()) {
      HttpReplies.serviceError(ctx.response(), error, requestId);
      return;
    }
    // the rest of the upload is not read: answer, then drop the connection
    ctx.response().putHeader("Connection", "close");
    HttpReplies.serviceError(ctx.response(), error, requestId)
        .onComplete(sent -> ctx.request().connection().close());
  }

  private static ServiceError asServiceError(Throwable failure) {
    return failure instanceof ServiceError error ? error
        : ServiceError.internal("Unexpected gateway failure: " + failure);
  }

  /** The values of {@code X-Amz-Invocation-Type}. */
  enum InvocationType {
    SYNC, EVENT, DRY_RUN;

    static InvocationType of(String header) {
      if (header == null || header.equals("RequestResponse")) {
        return SYNC;
      }
      return switch (header) {
        case "Event" -> EVENT;
        case "DryRun" -> DRY_RUN;
        default -> throw ServiceError.invalidParameter("Unsupported invocation type: " + header);
      };
    }
  }
}
