package io.lambdagateway.gateway.http;

import io.lambdagateway.gateway.platform.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * The answers to requests that are well-formed HTTP for Netty but not for the gateway (a URI with a
 * bad percent-escape, ambiguous framing), and the router's one failure handler: each gets an
 * AWS-shaped JSON error and at most one (rate-limited) log line, never the router's default
 * plain-text 500 and stack trace.
 */
public final class ProtocolErrors {

  private final ClientErrorLog clientErrors;

  public ProtocolErrors(ClientErrorLog clientErrors) {
    this.clientErrors = clientErrors;
  }

  /**
   * Run before the router, which cannot take a path or query with a bad percent-escape ({@code
   * %ZZ}, a lone {@code %}): such a request gets a 400 here and true is returned.
   */
  public boolean refusedBadEscape(HttpServerRequest request) {
    String uri = request.uri();
    if (uri == null || !hasBadEscape(uri)) {
      return false;
    }
    String message = "Malformed request URI (bad percent-escape): " + abbreviate(uri);
    clientErrors.log(message, request.remoteAddress().hostAddress());
    HttpReplies.serviceError(
        request.response(), ServiceError.malformedRequest(message), RequestIds.next());
    return true;
  }

  /**
   * The first route: stops the request's {@link HeaderWatch} deadline until the exchange ends, and
   * refuses ambiguous framing.
   */
  public void checkHeaders(RoutingContext ctx) {
    HeaderWatch watch = HeaderWatch.of(ctx.request().connection());
    if (watch != null) {
      ctx.addEndHandler(ended -> watch.requestEnded());
    }
    refuseAmbiguousFraming(ctx, watch);
  }

  /**
   * A request with both {@code Content-Length} and {@code Transfer-Encoding} is answered 400 and
   * its connection closed, since the two framings disagree about where the next request starts (RFC
   * 9112 §6.3, request smuggling).
   */
  private void refuseAmbiguousFraming(RoutingContext ctx, HeaderWatch watch) {
    HttpServerRequest request = ctx.request();
    boolean bothHeaders =
        request.headers().contains("Content-Length")
            && request.headers().contains("Transfer-Encoding");
    if (request.version() != HttpVersion.HTTP_2
        && (bothHeaders || (watch != null && watch.ambiguousFraming()))) {
      refuseAndClose(ctx, "Both Content-Length and Transfer-Encoding are set");
      return;
    }
    ctx.next();
  }

  /**
   * The router's failure handler. A failure of the request's form (which Vert.x Web and Netty
   * report as an {@link IllegalArgumentException}) is a 400; anything else is the gateway's own
   * fault: a 500 {@code ServiceException}, logged with its stack trace within the same rate limit.
   */
  public void answerFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    String remote = ctx.request().remoteAddress().hostAddress();
    ServiceError error;
    if (failure instanceof IllegalArgumentException malformed) {
      error = ServiceError.malformedRequest("Malformed request: " + malformed.getMessage());
      clientErrors.log(error.getMessage(), remote);
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      error = ServiceError.malformedRequest("Request refused with status " + ctx.statusCode());
      clientErrors.log(error.getMessage(), remote);
    } else {
      error = ServiceError.internal("Unexpected gateway failure");
      clientErrors.error(ctx.request().method() + " " + ctx.request().uri(), remote, failure);
    }
    HttpReplies.serviceError(ctx.response(), error, RequestIds.next());
  }

  private static boolean hasBadEscape(String uri) {
    for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
      if (i + 2 >= uri.length() || !isHex(uri.charAt(i + 1)) || !isHex(uri.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  /** ASCII only, as the URI decoder behind the router accepts. */
  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static String abbreviate(String uri) {
    return uri.length() <= 200 ? uri : uri.substring(0, 200) + "...";
  }

  private void refuseAndClose(RoutingContext ctx, String message) {
    ServiceError error = ServiceError.malformedRequest(message);
    HttpServerRequest request = ctx.request();
    clientErrors.log(message, request.remoteAddress().hostAddress());
    request.response().putHeader("Connection", "close");
    HttpReplies.serviceError(ctx.response(), error, RequestIds.next())
        .onComplete(sent -> request.connection().close());
  }
}
