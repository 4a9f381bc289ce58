package io.lambdagateway.gateway.http.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.GatewayServices;
import io.lambdagateway.gateway.http.HttpReplies;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * GetFunctionUrlConfig and ListFunctionUrlConfigs: every function has one function URL, the
 * gateway's own {@code http://<host>/<name>/} (the host the caller reached the gateway by), created
 * with the function. {@code AuthType} is {@code NONE} unless a bearer token guards the URLs, then
 * {@code AWS_IAM} (a caller needs a credential either way; the token is the gateway's own).
 */
public final class FunctionUrlConfigs {

  /** The model's largest {@code MaxItems} of ListFunctionUrlConfigs. */
  static final int MAX_URL_ITEMS = 50;

  private final GatewayServices services;
  private final FunctionReads reads;

  public FunctionUrlConfigs(GatewayServices services, FunctionReads reads) {
    this.services = services;
    this.reads = reads;
  }

  /** {@code GET /2021-10-31/functions/{name}/url}: the function's URL configuration. */
  public void getFunctionUrlConfig(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(), 200, () -> urlConfig(ctx.request(), reads.target(ctx).function()));
  }

  /** {@code GET /2021-10-31/functions/{name}/urls}: a list of that one configuration. */
  public void listFunctionUrlConfigs(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          HostedFunction fn = reads.unqualified(ctx);
          ListPage<HostedFunction> page =
              ListPage.of(
                  List.of(fn),
                  ctx.request().getParam("Marker"),
                  ctx.request().getParam("MaxItems"),
                  MAX_URL_ITEMS);
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          var configs = body.putArray("FunctionUrlConfigs");
          page.items().forEach(item -> configs.add(urlConfig(ctx.request(), item)));
          page.nextMarker().ifPresent(marker -> body.put("NextMarker", marker));
          return body;
        });
  }

  private ObjectNode urlConfig(HttpServerRequest request, HostedFunction fn) {
    String created = FunctionConfiguration.lastModified(fn.facts().lastModified());
    return JsonNodeFactory.instance
        .objectNode()
        .put("FunctionUrl", "http://" + authority(request) + "/" + fn.name() + "/")
        .put("FunctionArn", services.config().functionArn(fn.name()))
        .put("AuthType", services.config().authToken().isPresent() ? "AWS_IAM" : "NONE")
        .put("CreationTime", created)
        .put("LastModifiedTime", created)
        .put("InvokeMode", "BUFFERED");
  }

  /** The caller's {@code Host}, else the address the request arrived at. */
  private static String authority(HttpServerRequest request) {
    HostAndPort authority = request.authority();
    if (authority != null) {
      return authority.toString();
    }
    return request.localAddress().hostAddress() + ":" + request.localAddress().port();
  }
}
