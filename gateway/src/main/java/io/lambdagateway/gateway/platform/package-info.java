/**
 * The Lambda platform: what happens to an invocation between an entry point and the function,
 * whatever protocol it came in by.
 *
 * <ul>
 *   <li>{@link io.lambdagateway.gateway.platform.FunctionRegistry} and {@link
 *       io.lambdagateway.gateway.platform.HostedFunction}: which functions exist, with the settings
 *       Lambda keeps per function (timeout, memory, reserved concurrency).
 *   <li>{@link io.lambdagateway.gateway.platform.Invoker}: runs one invocation (concurrency slot,
 *       timeout, response limit, START/END/REPORT log, metrics) and returns an {@link
 *       io.lambdagateway.gateway.platform.InvocationOutcome}; refusals are {@link
 *       io.lambdagateway.gateway.platform.Throttled}; its {@code CallTimer} starts a function's
 *       timeout after the init phase the function reports, as Lambda times a cold start.
 *   <li>{@link io.lambdagateway.gateway.platform.ConcurrencyLimiter}: account and reserved
 *       concurrency; {@code SlotQueue} hands released slots to the calls that may wait for one
 *       (function URLs, through {@code Invoker.invokeWhenFree}).
 *   <li>{@link io.lambdagateway.gateway.platform.EventQueue}: asynchronous invocations, queued,
 *       retried by an {@link io.lambdagateway.gateway.platform.EventRetryPolicy}, kept across
 *       restarts by an {@link io.lambdagateway.gateway.platform.EventJournal} (in memory, or the
 *       {@link io.lambdagateway.gateway.platform.FileEventJournal} of a state directory); those
 *       that fail for good go to an {@link io.lambdagateway.gateway.platform.EventDestination} as
 *       an {@link io.lambdagateway.gateway.platform.InvocationRecord}.
 *   <li>{@link io.lambdagateway.gateway.platform.InvocationMetrics}, {@link
 *       io.lambdagateway.gateway.platform.RequestIds}.
 * </ul>
 *
 * <p>Seams: a function reaches the platform only as a {@link
 * io.lambdagateway.gateway.function.LambdaFunction} inside a {@code HostedFunction}, so a new kind
 * of function (e.g. a Node or Python process behind the Runtime API) is a new {@code
 * LambdaFunction} registered here; the Invoker's timeout, limits, logs and metrics then apply to it
 * unchanged. Every entry point calls {@code Invoker.invoke}, {@code Invoker.invokeWhenFree} or
 * {@code EventQueue.offer}.
 *
 * <p>May depend on: {@code gateway.function}, {@code gateway.json}, Vert.x core, Micrometer. Never
 * on {@code gateway.http} (protocols depend on the platform, not the other way round) nor on the
 * assembly package: its settings come in through constructors.
 */
package io.lambdagateway.gateway.platform;
