package io.lambdagateway.gateway.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.GatewayServices;
import io.lambdagateway.gateway.http.HttpReplies;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The read calls about one function, {@code /<version>/functions/{FunctionName}/...}, answered as
 * the Lambda API model shapes them. Every function has exactly one version, {@code $LATEST}, no
 * aliases, no resource policy and no event invoke configuration: asking for any other qualifier is
 * a 404 {@code ResourceNotFoundException}, as Invoke answers it.
 */
public final class FunctionReads {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final GatewayServices services;

  public FunctionReads(GatewayServices services) {
    this.services = services;
  }

  /** GetFunction: {@code Configuration}, {@code Code} and, when reserved, {@code Concurrency}. */
  public void getFunction(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          Target target = target(ctx);
          HostedFunction fn = target.function();
          ObjectNode body = JSON.objectNode();
          body.set("Configuration", configuration(target));
          ObjectNode code = body.putObject("Code").put("RepositoryType", "S3");
          fn.facts().codeLocation().ifPresent(location -> code.put("Location", location));
          fn.reservedConcurrency()
              .ifPresent(n -> body.putObject("Concurrency").put("ReservedConcurrentExecutions", n));
          return body;
        });
  }

  /** GetFunctionConfiguration: the function's {@code FunctionConfiguration}. */
  public void getFunctionConfiguration(RoutingContext ctx) {
    HttpReplies.answer(ctx.response(), 200, () -> configuration(target(ctx)));
  }

  /** ListVersionsByFunction: {@code $LATEST}, the only version. */
  public void listVersionsByFunction(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          HostedFunction fn = unqualified(ctx);
          ListPage<HostedFunction> page =
              ListPage.of(
                  List.of(fn),
                  ctx.request().getParam("Marker"),
                  ctx.request().getParam("MaxItems"),
                  OperationsHandler.MAX_LIST_ITEMS);
          ObjectNode body = JSON.objectNode();
          ArrayNode versions = body.putArray("Versions");
          page.items()
              .forEach(
                  version ->
                      versions.add(FunctionConfiguration.of(version, services.config(), true)));
          page.nextMarker().ifPresent(marker -> body.put("NextMarker", marker));
          return body;
        });
  }

  /** ListAliases: none; the gateway has no aliases. */
  public void listAliases(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          unqualified(ctx);
          ObjectNode body = JSON.objectNode();
          body.putArray("Aliases");
          return body;
        });
  }

  /** GetAlias: always AWS's 404 for a missing alias. */
  public void getAlias(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          HostedFunction fn = unqualified(ctx);
          String alias = FunctionRef.percentDecode(segment(ctx, 5));
          throw ServiceError.resourceNotFound("Cannot find alias arn: " + arnOf(fn) + ":" + alias);
        });
  }

  /** GetFunctionConcurrency: the reserved concurrency, or an empty object when unreserved. */
  public void getFunctionConcurrency(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          ObjectNode body = JSON.objectNode();
          unqualified(ctx)
              .reservedConcurrency()
              .ifPresent(n -> body.put("ReservedConcurrentExecutions", n));
          return body;
        });
  }

  /** GetFunctionCodeSigningConfig: no code signing configuration is attached. */
  public void getFunctionCodeSigningConfig(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () ->
            JSON.objectNode()
                .put("CodeSigningConfigArn", "")
                .put("FunctionName", unqualified(ctx).name()));
  }

  /** GetPolicy: AWS's 404 for a function without a resource-based policy. */
  public void getPolicy(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          target(ctx);
          throw ServiceError.resourceNotFound("The resource you requested does not exist.");
        });
  }

  /**
   * GetFunctionEventInvokeConfig: AWS's 404 for a function without one (the gateway's Event queue
   * retries by its own gateway-wide settings, which are not a per-function configuration).
   */
  public void getFunctionEventInvokeConfig(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          Target target = target(ctx);
          throw ServiceError.resourceNotFound(
              "The function "
                  + arnOf(target.function())
                  + ":"
                  + FunctionConfiguration.LATEST
                  + " doesn't have an EventInvokeConfig");
        });
  }

  /** GetRuntimeManagementConfig: runtimes are updated with the host ({@code Auto}). */
  public void getRuntimeManagementConfig(RoutingContext ctx) {
    HttpReplies.answer(
        ctx.response(),
        200,
        () -> {
          Target target = target(ctx);
          return JSON.objectNode()
              .put("UpdateRuntimeOn", "Auto")
              .put("FunctionArn", qualifiedArn(target));
        });
  }

  private ObjectNode configuration(Target target) {
    return FunctionConfiguration.of(target.function(), services.config(), target.qualified());
  }

  /**
   * The function a per-function path names, with the qualifier of its name or {@code Qualifier}.
   *
   * @throws ServiceError a 400 for a malformed name or qualifier, a 404 for a missing function or
   *     any qualifier but {@code $LATEST}
   */
  Target target(RoutingContext ctx) {
    FunctionRef ref =
        FunctionRef.parse(
            segment(ctx, 3), ctx.request().getParam("Qualifier"), services.config().region());
    String arn = services.config().functionArn(ref.name());
    HostedFunction fn =
        services
            .functions()
            .find(ref.name())
            .orElseThrow(
                () ->
                    ServiceError.functionNotFound(
                        ref.qualifier() == null ? arn : arn + ":" + ref.qualifier()));
    if (ref.qualifier() != null && !ref.qualifier().equals(FunctionConfiguration.LATEST)) {
      throw ServiceError.functionNotFound(arn + ":" + ref.qualifier());
    }
    return new Target(fn, ref.qualifier() != null);
  }

  /** The function of a path whose operation takes no qualifier. */
  HostedFunction unqualified(RoutingContext ctx) {
    return target(ctx).function();
  }

  private String qualifiedArn(Target target) {
    String arn = arnOf(target.function());
    return target.qualified() ? arn + ":" + FunctionConfiguration.LATEST : arn;
  }

  private String arnOf(HostedFunction fn) {
    return services.config().functionArn(fn.name());
  }

  /** The raw (still percent-encoded) {@code index}th segment of the request's path. */
  static String segment(RoutingContext ctx, int index) {
    String[] segments = ctx.request().path().split("/");
    return index < segments.length ? segments[index] : "";
  }

  /** A function and whether the call named a version of it. */
  record Target(HostedFunction function, boolean qualified) {}
}
