/**
 * What a function is, and the functions that run inside the gateway's JVM.
 *
 * <p><b>{@link io.lambdagateway.gateway.function.LambdaFunction} is THE interface</b> through which
 * a function plugs into the gateway: one {@code invoke(event, invocation)} returning the response
 * payload, plus the {@link io.lambdagateway.gateway.function.FunctionTraits} that say how to call
 * it. Everything else here belongs to that contract: the call's context ({@link
 * io.lambdagateway.gateway.function.Invocation} with its {@link
 * io.lambdagateway.gateway.function.InvocationLog} and its {@link
 * io.lambdagateway.gateway.function.CallPhases}) and the way a function fails ({@link
 * io.lambdagateway.gateway.function.FunctionError}). The name, timeout, memory size and reserved
 * concurrency a function runs with are the platform's registration ({@code
 * platform.HostedFunction}), not part of the function.
 *
 * <p>Hosted here: {@link io.lambdagateway.gateway.function.EnricherFunction} (the enricher module
 * as a function) and {@link io.lambdagateway.gateway.function.EchoFunction} (benchmark).
 *
 * <p>May depend on: the enricher module, {@code gateway.json}, Vert.x {@code Future}/{@code Buffer}
 * and Jackson. Never on the platform, HTTP or assembly packages: they depend on this one.
 */
package io.lambdagateway.gateway.function;
