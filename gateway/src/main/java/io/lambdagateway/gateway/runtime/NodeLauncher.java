package io.lambdagateway.gateway.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code nodejs} runtime: {@code node --max-old-space-size=<90% of memory> bootstrap.cjs
 * <handler>}, where {@code bootstrap.cjs} is the gateway's own runtime client (CommonJS and ESM
 * handlers; async, promise and callback styles; no npm packages needed).
 *
 * <p>A function whose {@code env} sets {@value #RIC_SWITCH}{@code =}{@value #AWS_RIC} runs under
 * AWS's {@code aws-lambda-ric} npm package instead, which must be installed in the function's code
 * directory ({@code npm install aws-lambda-ric} there); see {@link AwsNodeRic}.
 */
public final class NodeLauncher implements RuntimeLauncher {

  /** The function env variable that picks the runtime client. */
  public static final String RIC_SWITCH = "LAMBDA_GATEWAY_NODE_RIC";

  /** The {@value #RIC_SWITCH} value that picks AWS's npm package. */
  public static final String AWS_RIC = "aws-lambda-ric";

  private static final List<String> CLIENT_FILES =
      List.of(
          "bootstrap.cjs",
          "runtime-api.cjs",
          "handler-loader.cjs",
          "context.cjs",
          "invoke.cjs",
          "errors.cjs",
          "console-log.cjs");

  private final Optional<Path> node;
  private final RuntimeClientFiles client = new RuntimeClientFiles("nodejs", CLIENT_FILES);

  private NodeLauncher(Optional<Path> node) {
    this.node = node;
  }

  /** The launcher for the {@code node} found on this JVM's {@code PATH}, if any. */
  public static NodeLauncher onPath() {
    return new NodeLauncher(CommandOnPath.find("node"));
  }

  /** The launcher for the {@code node} found on {@code path} (a {@code PATH} value), if any. */
  static NodeLauncher onPath(String path) {
    return new NodeLauncher(CommandOnPath.find("node", path));
  }

  @Override
  public FunctionSpec.Runtime runtime() {
    return FunctionSpec.Runtime.NODEJS;
  }

  @Override
  public Optional<String> unavailableReason() {
    return node.isPresent()
        ? Optional.empty()
        : Optional.of("runtime nodejs needs node (20 or later) on PATH; it was not found");
  }

  @Override
  public List<String> command(FunctionSpec spec) {
    String nodePath =
        node.orElseThrow(() -> new IllegalArgumentException(unavailableReason().orElseThrow()))
            .toString();
    String script =
        usesAwsRic(spec)
            ? AwsNodeRic.entryPoint(spec).toString()
            : client.dir().resolve("bootstrap.cjs").toString();
    return List.of(nodePath, heapLimit(spec.memoryMb()), script, spec.handler());
  }

  @Override
  public Path runtimeDir(FunctionSpec spec) {
    return usesAwsRic(spec) ? spec.codeDir() : client.dir();
  }

  /**
   * Node's old-generation heap limit at 90% of the function's memory, leaving room for the rest of
   * the process, so a handler that allocates too much fails inside its memory size.
   *
   * <p>AWS also sets the young generation ({@code --max-semi-space-size}) to 5% of memory; here all
   * environments share one machine, and with it a 5-minute soak of 16 environments of the public
   * example's handler grew from 1.7 to 2.9 GB at 198 req/s, against a flat 1.85 GB at 232 req/s
   * with V8's default (BENCHMARKS.md), so the gateway leaves that default.
   */
  static String heapLimit(int memoryMb) {
    return "--max-old-space-size=" + Math.max(1, memoryMb * 9 / 10);
  }

  private static boolean usesAwsRic(FunctionSpec spec) {
    String choice = spec.env().get(RIC_SWITCH);
    if (choice == null || choice.isEmpty()) {
      return false;
    }
    if (!choice.equals(AWS_RIC)) {
      throw new IllegalArgumentException(
          "function "
              + spec.name()
              + ": "
              + RIC_SWITCH
              + " must be "
              + AWS_RIC
              + ", not "
              + choice);
    }
    return true;
  }
}
