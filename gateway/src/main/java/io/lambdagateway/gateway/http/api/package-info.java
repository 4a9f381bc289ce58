/**
 * The Lambda service API under {@code /2015-03-31/}: Invoke ({@link
 * io.lambdagateway.gateway.http.api.InvokeApiHandler}, with {@link
 * io.lambdagateway.gateway.http.api.InvokeRequest} turning a request into one value or one service
 * error), the read-only ListFunctions and GetFunction ({@link
 * io.lambdagateway.gateway.http.api.OperationsHandler}), and function-name parsing ({@link
 * io.lambdagateway.gateway.http.api.FunctionRef}) shared by both. This is what AWS SDKs and the AWS
 * CLI talk to.
 *
 * <p>May depend on: {@code gateway.http}, {@code gateway.platform}, {@code gateway.function},
 * {@code gateway.json} and the configuration. Not on {@code http.url}.
 */
package io.lambdagateway.gateway.http.api;
