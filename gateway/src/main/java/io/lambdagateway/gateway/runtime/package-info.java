/**
 * User functions hosted in runtime processes behind the Lambda Runtime API (version 2018-06-01):
 * any Lambda function, in Node.js, Python, Java or a custom {@code bootstrap}, next to the
 * in-process enricher.
 *
 * <p>Design. A {@link io.lambdagateway.gateway.runtime.FunctionSpec} (parsed elsewhere from {@code
 * --function}, {@code GATEWAY_FUNCTIONS} or a template) becomes, through {@link
 * io.lambdagateway.gateway.runtime.HostedFunctions}, one more {@code platform.HostedFunction} whose
 * {@link io.lambdagateway.gateway.runtime.RuntimeFunction} is an ordinary {@code LambdaFunction};
 * the Invoker's concurrency limits, timeout answer, Tail log, metrics and every entry point (Invoke
 * API, function URLs, Event queue) apply to it unchanged.
 *
 * <ul>
 *   <li>{@code EnvironmentPool}: per function, reuses the warmest idle execution environment or
 *       starts another (N concurrent calls, N environments, bounded by the concurrency limits);
 *       stops environments idle longer than {@link
 *       io.lambdagateway.gateway.runtime.RuntimeSettings#idleTimeout()}.
 *   <li>{@code ExecutionEnvironment}: one OS process, one call at a time, started by the runtime's
 *       {@link io.lambdagateway.gateway.runtime.RuntimeLauncher} with AWS's environment variables
 *       in a clean environment (nothing of the gateway's own, such as {@code GATEWAY_AUTH_TOKEN},
 *       reaches user code; credentials are dummies). Timeouts kill the process group; an exit is
 *       {@code Runtime.ExitError}; REPORT shows its init duration and peak RSS.
 *   <li>{@code RuntimeApiServer} and {@code RuntimeChannel}: the Runtime API of one environment on
 *       its own listener on 127.0.0.1 and an ephemeral port, told only to that environment's
 *       process, so a process can only ever see and answer its own invocations.
 *   <li>{@code OutputPump} and {@code RuntimeOutput}: the process's stdout/stderr, line by line
 *       with bounded memory, into the call's Tail log and the gateway's log (rate-limited).
 *   <li>{@code ChildProcesses}: each runtime in a process group of its own ({@code setsid}),
 *       stopped with its group, its tree and whatever carries its marker variable (a process that
 *       escapes all three is out of reach without cgroups), and a shutdown hook so none is
 *       orphaned.
 * </ul>
 *
 * <p>Threads: the event loops only route and complete futures; process start, pipe reads, waits,
 * kills and {@code /proc} reads run on worker threads or the pumps' own threads.
 *
 * <p>May depend on: {@code gateway.function}, {@code gateway.platform}, {@code gateway.json}, the
 * transfer contract's limits, Vert.x core. Never on {@code gateway.http} or the assembly package.
 */
package io.lambdagateway.gateway.runtime;
