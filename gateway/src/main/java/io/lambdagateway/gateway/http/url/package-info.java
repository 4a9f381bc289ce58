/**
 * Function URLs, the protocol Transfer speaks: any method on {@code /{function}[/...]}. {@link
 * io.lambdagateway.gateway.http.url.FunctionUrlHandler} does the HTTP; {@link
 * io.lambdagateway.gateway.http.url.FunctionUrlEvent} (request → payload format 2.0 event) and
 * {@link io.lambdagateway.gateway.http.url.FunctionUrlResponse} (result → HTTP reply) are pure
 * mappers over {@link io.lambdagateway.gateway.http.url.UrlRequest} and {@link
 * io.lambdagateway.gateway.http.url.UrlReply}, values without Vert.x types.
 *
 * <p>May depend on: {@code gateway.http}, {@code gateway.platform}, {@code gateway.function},
 * {@code gateway.json} and the configuration. Not on {@code http.api}.
 */
package io.lambdagateway.gateway.http.url;
