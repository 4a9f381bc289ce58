package io.lambdagateway.gateway.http.auth;

import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.http.BodyReader;
import io.lambdagateway.gateway.http.CpuWork;
import io.lambdagateway.gateway.http.HttpReplies;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.http.auth.SigV4Verifier.Claim;
import io.lambdagateway.gateway.http.auth.SigV4Verifier.ReceivedRequest;
import io.lambdagateway.gateway.platform.RequestIds;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.net.RFC3986;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Puts SigV4 verification in front of the Lambda API (every path under a version prefix such as
 * {@code /2015-03-31} or {@code /2021-10-31}, as the router sends them to the API) when access keys
 * are configured; function URLs, {@code /health} and {@code /metrics} pass untouched.
 *
 * <p>A protected request's headers are checked first, so an unsigned or expired request is refused
 * before its body is read. Then the body is read (within the largest API payload limit; a larger
 * one gets the usual 413), hashed (on a worker when large, see {@link CpuWork}), the signature
 * verified, and only then is the request routed, its body replayed to the route. The path is
 * matched after the same RFC 3986 normalisation the router applies, so no spelling of an API path
 * reaches an API route unverified.
 */
public final class SigV4Guard implements Handler<HttpServerRequest> {

  /** A Lambda API version prefix, alone or followed by a path. */
  private static final Pattern API_PREFIX = Pattern.compile("/20\\d\\d-\\d\\d-\\d\\d(/.*)?");

  private final Vertx vertx;
  private final BodyReader bodies;
  private final SigV4Verifier verifier;
  private final long bodyLimit;
  private final Handler<HttpServerRequest> routes;

  private SigV4Guard(
      Vertx vertx,
      BodyReader bodies,
      SigV4Verifier verifier,
      long bodyLimit,
      Handler<HttpServerRequest> routes) {
    this.vertx = vertx;
    this.bodies = bodies;
    this.verifier = verifier;
    this.bodyLimit = bodyLimit;
    this.routes = routes;
  }

  /** {@code routes} behind verification when {@code config} has access keys, else as it is. */
  public static Handler<HttpServerRequest> protect(
      Vertx vertx, GatewayConfig config, BodyReader bodies, Handler<HttpServerRequest> routes) {
    if (config.awsCredentials().isEmpty()) {
      return routes;
    }
    SigV4Verifier verifier =
        new SigV4Verifier(config.awsCredentials(), config.region(), Clock.systemUTC());
    long bodyLimit = Math.max(config.maxSyncPayloadBytes(), config.maxAsyncPayloadBytes());
    return new SigV4Guard(vertx, bodies, verifier, bodyLimit, routes);
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (!isApiPath(request.path())) {
      routes.handle(request);
      return;
    }
    Function<String, List<String>> headers = headersOf(request);
    Claim claim;
    try {
      claim = verifier.claim(headers);
    } catch (ServiceError refused) {
      refuseUnread(request, refused);
      return;
    }
    bodies
        .readRaw(request, bodyLimit)
        .onSuccess(body -> verifyBody(request, headers, claim, body))
        .onFailure(
            failure ->
                bodies.refuse(
                    request,
                    failure,
                    length ->
                        HttpReplies.serviceError(
                            request.response(),
                            ServiceError.requestTooLarge(
                                "Request must be smaller than "
                                    + bodyLimit
                                    + " bytes for the InvokeFunction operation"),
                            RequestIds.next()),
                    error ->
                        HttpReplies.serviceError(request.response(), error, RequestIds.next())));
  }

  private void verifyBody(
      HttpServerRequest request, Function<String, List<String>> headers, Claim claim, Buffer body) {
    CpuWork.run(vertx, body.length(), () -> sha256Hex(body))
        .map(
            hash -> {
              verifier.verify(
                  claim,
                  new ReceivedRequest(
                      request.method().name(), request.path(), query(request), headers, hash));
              return hash;
            })
        .onSuccess(verified -> routes.handle(new ReplayedRequest(request, body)))
        .onFailure(
            failure ->
                HttpReplies.serviceError(
                    request.response(), ServiceError.of(failure), RequestIds.next()));
  }

  /**
   * Refuses a request whose body was not read: the connection cannot carry another request after an
   * unread body, so it is closed once the answer is sent.
   */
  private static void refuseUnread(HttpServerRequest request, ServiceError refused) {
    if (request.isEnded()) {
      HttpReplies.serviceError(request.response(), refused, RequestIds.next());
      return;
    }
    request.response().putHeader("Connection", "close");
    HttpReplies.serviceError(request.response(), refused, RequestIds.next())
        .onComplete(sent -> request.connection().close());
  }

  /**
   * Whether the router would send {@code rawPath} to an API route. A path with a bad escape cannot
   * be normalised, by the router either, so it is judged as sent.
   */
  static boolean isApiPath(String rawPath) {
    if (rawPath == null) {
      return false;
    }
    String path;
    try {
      path = RFC3986.normalizePath(rawPath);
    } catch (IllegalArgumentException badEscape) {
      path = rawPath;
    }
    return API_PREFIX.matcher(path).matches();
  }

  private static Function<String, List<String>> headersOf(HttpServerRequest request) {
    MultiMap headers = request.headers();
    return name -> {
      List<String> values = headers.getAll(name);
      if (values.isEmpty() && name.equalsIgnoreCase("host") && request.authority() != null) {
        // HTTP/2 carries the host as the :authority pseudo-header, which clients sign as host.
        return List.of(request.authority().toString());
      }
      return values;
    };
  }

  /** The decoded query; one that cannot be decoded cannot have been signed as sent. */
  private static Map<String, List<String>> query(HttpServerRequest request) {
    MultiMap params;
    try {
      params = request.params();
    } catch (IllegalArgumentException undecodable) {
      throw SigV4Verifier.mismatch();
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    params.names().forEach(name -> query.put(name, params.getAll(name)));
    return query;
  }

  private static String sha256Hex(Buffer body) throws NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(sha256.digest(body.getBytes()));
  }
}
