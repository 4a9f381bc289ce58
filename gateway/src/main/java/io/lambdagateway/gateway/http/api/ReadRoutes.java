package io.lambdagateway.gateway.http.api;

import io.lambdagateway.gateway.GatewayServices;
import io.vertx.ext.web.Router;

/**
 * The route table of the Lambda API's read calls, one line per operation (method, the model's
 * request URI, handler), and the typed refusal of every other path under an API version prefix.
 */
public final class ReadRoutes {

  /** A Lambda API version prefix such as {@code /2015-03-31}, alone or with a path under it. */
  public static final String API_PATH = "/20\\d\\d-\\d\\d-\\d\\d(/.*)?";

  private ReadRoutes() {}

  /** Adds the read calls; register before {@link #refuseTheRest}. */
  public static void add(Router router, GatewayServices services) {
    OperationsHandler account = new OperationsHandler(services);
    FunctionReads function = new FunctionReads(services);
    FunctionUrlConfigs urls = new FunctionUrlConfigs(services, function);
    router.get("/2015-03-31/functions").handler(account::listFunctions);
    router.get("/2015-03-31/functions/").handler(account::listFunctions);
    router.get("/2015-03-31/functions/:name").handler(function::getFunction);
    router
        .get("/2015-03-31/functions/:name/configuration")
        .handler(function::getFunctionConfiguration);
    router.get("/2015-03-31/functions/:name/versions").handler(function::listVersionsByFunction);
    router.get("/2015-03-31/functions/:name/aliases").handler(function::listAliases);
    router.get("/2015-03-31/functions/:name/aliases/:alias").handler(function::getAlias);
    router.get("/2015-03-31/functions/:name/policy").handler(function::getPolicy);
    router.get("/2016-08-19/account-settings").handler(account::getAccountSettings);
    router.get("/2016-08-19/account-settings/").handler(account::getAccountSettings);
    router.get("/2017-03-31/tags/:arn").handler(account::listTags);
    router
        .get("/2019-09-25/functions/:name/event-invoke-config")
        .handler(function::getFunctionEventInvokeConfig);
    router.get("/2019-09-30/functions/:name/concurrency").handler(function::getFunctionConcurrency);
    router
        .get("/2020-06-30/functions/:name/code-signing-config")
        .handler(function::getFunctionCodeSigningConfig);
    router
        .get("/2021-07-20/functions/:name/runtime-management-config")
        .handler(function::getRuntimeManagementConfig);
    router.get("/2021-10-31/functions/:name/url").handler(urls::getFunctionUrlConfig);
    router.get("/2021-10-31/functions/:name/urls").handler(urls::listFunctionUrlConfigs);
    router
        .post("/2021-11-15/functions/:name/response-streaming-invocations")
        .handler(account::invokeWithResponseStream);
  }

  /** Answers every other API path with {@code UnknownOperationException}, never a function URL. */
  public static void refuseTheRest(Router router, GatewayServices services) {
    router.routeWithRegex(API_PATH).handler(new OperationsHandler(services)::unknownOperation);
  }
}
