/**
 * The HTTP side of the gateway: what every protocol shares.
 *
 * <p>{@link io.lambdagateway.gateway.http.BodyReader} (bounded body reading within the gateway-wide
 * {@link io.lambdagateway.gateway.http.BodyBudget}, at a minimum rate, inflating with {@link
 * io.lambdagateway.gateway.http.BodyDecoder}; the one refusal of a body), {@link
 * io.lambdagateway.gateway.http.ServiceError} and {@link io.lambdagateway.gateway.http.HttpReplies}
 * (the AWS-shaped service errors and their rendering), {@link
 * io.lambdagateway.gateway.http.InvalidRequestHandler} (requests Netty cannot decode), {@link
 * io.lambdagateway.gateway.http.HeaderWatch} (each connection's header deadline and framing),
 * {@link io.lambdagateway.gateway.http.ProtocolErrors} (requests the gateway refuses before any
 * route, and the router's failure handler), {@link io.lambdagateway.gateway.http.ClientErrorLog}
 * (the rate-limited log of bad requests), {@link io.lambdagateway.gateway.http.CpuWork}
 * (payload-sized work off the event loop) and the benchmark's bare {@link
 * io.lambdagateway.gateway.http.BenchEcho} route. The protocols live in the sub-packages: {@code
 * http.api} (the Lambda service API under {@code /2015-03-31/}) and {@code http.url} (function
 * URLs).
 *
 * <p>Arrows: {@code http → platform → function}. HTTP code may use the platform, the function
 * contract, {@code gateway.json} and the gateway's configuration ({@code GatewayConfig}, {@code
 * GatewayServices}); nothing below it imports {@code http}. Handlers only decode, call the platform
 * and encode: no invocation rules live here.
 */
package io.lambdagateway.gateway.http;
