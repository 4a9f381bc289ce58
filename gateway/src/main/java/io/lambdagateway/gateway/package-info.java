/**
 * The gateway assembled: {@link io.lambdagateway.gateway.Gateway} builds Vert.x, the functions and
 * the platform services ({@link io.lambdagateway.gateway.GatewayServices}) and deploys one {@link
 * io.lambdagateway.gateway.GatewayVerticle} (route table and server options, wiring only) per event
 * loop. The configuration ({@code GatewayConfig}, {@code Setting}, {@code SettingOptions}) and the
 * {@code gateway} command live here too.
 *
 * <p>Layers, arrows one way: {@code http} (protocols: {@code http.api}, {@code http.url}) → {@code
 * platform} (invoker, concurrency, event queue, registry, metrics) → {@code function} (THE {@code
 * LambdaFunction} interface and the hosted functions); {@code json} is a leaf every layer may use.
 * This package may depend on all of them. The HTTP layer reads the configuration records from here;
 * the platform and function layers never import this package.
 */
package io.lambdagateway.gateway;
