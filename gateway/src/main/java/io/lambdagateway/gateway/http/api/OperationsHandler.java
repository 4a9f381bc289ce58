package io.lambdagateway.gateway.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.GatewayServices;
import io.lambdagateway.gateway.http.HttpReplies;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.lambdagateway.gateway.platform.RequestIds;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The account-wide read calls (ListFunctions, GetAccountSettings, ListTags) and the typed answer
 * for every other path under a Lambda API version prefix ({@code /20xx-xx-xx/...}) that the gateway
 * does not serve.
 */
public final class OperationsHandler {

  /** The model's largest {@code MaxItems} of ListFunctions and ListVersionsByFunction. */
  static final int MAX_LIST_ITEMS = 10_000;

  /** AWS's default quotas for deployment packages, in bytes (reported, not all enforced here). */
  static final long TOTAL_CODE_SIZE = 80L * 1024 * 1024 * 1024;

  static final long CODE_SIZE_UNZIPPED = 250L * 1024 * 1024;
  static final long CODE_SIZE_ZIPPED = 50L * 1024 * 1024;

  private final GatewayServices services;

  public OperationsHandler(GatewayServices services) {
    this.services = services;
  }

  /** {@code GET /2015-03-31/functions}: one page of configurations, {@code NextMarker} if more. */
  public void listFunctions(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          ListPage<HostedFunction> page =
              ListPage.of(
                  services.functions().all(),
                  ctx.request().getParam("Marker"),
                  ctx.request().getParam("MaxItems"),
                  MAX_LIST_ITEMS);
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          ArrayNode list = body.putArray("Functions");
          page.items()
              .forEach(fn -> list.add(FunctionConfiguration.of(fn, services.config(), false)));
          page.nextMarker().ifPresent(marker -> body.put("NextMarker", marker));
          return body;
        });
  }

  /** {@code GET /2016-08-19/account-settings}: the gateway's limits and what its functions use. */
  public void getAccountSettings(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          List<HostedFunction> all = services.functions().all();
          int limit = services.config().maxConcurrency();
          int reserved = all.stream().mapToInt(fn -> fn.reservedConcurrency().orElse(0)).sum();
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          body.putObject("AccountLimit")
              .put("TotalCodeSize", TOTAL_CODE_SIZE)
              .put("CodeSizeUnzipped", CODE_SIZE_UNZIPPED)
              .put("CodeSizeZipped", CODE_SIZE_ZIPPED)
              .put("ConcurrentExecutions", limit)
              .put("UnreservedConcurrentExecutions", Math.max(0, limit - reserved));
          body.putObject("AccountUsage")
              .put("TotalCodeSize", all.stream().mapToLong(fn -> fn.facts().codeSize()).sum())
              .put("FunctionCount", (long) all.size());
          return body;
        });
  }

  /** {@code GET /2017-03-31/tags/{ARN}}: the function's tags. */
  public void listTags(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          String resource = FunctionReads.segment(ctx, 3);
          if (!FunctionRef.percentDecode(resource).startsWith("arn:")) {
            throw ServiceError.validation(
                "1 validation error detected: Value '"
                    + FunctionRef.percentDecode(resource)
                    + "' at 'resource' failed to satisfy constraint: Member must be an ARN");
          }
          FunctionRef ref = FunctionRef.parse(resource, null, services.config().region());
          HostedFunction fn =
              services
                  .functions()
                  .find(ref.name())
                  .orElseThrow(
                      () ->
                          ServiceError.functionNotFound(services.config().functionArn(ref.name())));
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          ObjectNode tags = body.putObject("Tags");
          fn.facts().tags().forEach(tags::put);
          return body;
        });
  }

  /**
   * {@code POST /2021-11-15/functions/{name}/response-streaming-invocations}: refused with a typed
   * error that names the operation to use instead.
   */
  public void invokeWithResponseStream(RoutingContext ctx) {
    HttpReplies.serviceError(
        ctx.response(),
        ServiceError.unsupportedOperation(
            "InvokeWithResponseStream is not supported by this gateway; use Invoke"),
        RequestIds.next());
  }

  /** Any other path under a Lambda API version prefix: not an operation this gateway has. */
  public void unknownOperation(RoutingContext ctx) {
    HttpReplies.serviceError(
        ctx.response(),
        ServiceError.unknownOperation(ctx.request().method().name(), ctx.request().path()),
        RequestIds.next());
  }
}
