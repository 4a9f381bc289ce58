package io.lambdagateway.gateway.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code java} runtime: AWS's own runtime interface client ({@code
 * com.amazonaws:aws-lambda-java-runtime-interface-client}) in a JVM of the gateway's own JDK, which
 * runs a handler {@code pkg.Class::method} or {@code pkg.Class} ({@code RequestHandler}, {@code
 * RequestStreamHandler} or a plain method), as AWS's managed Java runtimes do.
 *
 * <p>The command is {@code java <memory flags> -cp <client jars> AWSLambda <handler>}, in the code
 * directory. The client itself loads the user's code from its working directory the way AWS lays
 * out a Java deployment package: classes at the root and {@code lib/*.jar} (a jar or zip given as
 * code is extracted into such a directory before it gets here).
 *
 * <p>Where the client comes from: its jars (with {@code aws-lambda-java-core}, {@code
 * -serialization} and {@code utils-lite}) are resources of the gateway, written out once into a
 * runtime directory ({@code LAMBDA_RUNTIME_DIR}), and they alone form the runtime's class path. The
 * alternative, putting the gateway's own class path or shaded jar on the runtime's, was rejected:
 * the client's class loader delegates to that class path first, so the gateway's Jackson, Vert.x
 * and Netty would silently replace the versions a user ships in {@code lib/}. The client's jars are
 * 5.4 MB (the serialization jar alone 3.7 MB, the client's JNI libraries for glibc and musl on
 * x86_64 and aarch64 1.5 MB), so the slim image jar, bound to 25 MB, leaves them out; there this
 * runtime reports itself unavailable.
 *
 * <p>Memory: the heap is capped at 85% of the function's memory size, leaving the rest for
 * metaspace, code and native memory, as AWS's Java runtimes do; serial GC and C1-only compilation
 * keep a small function's cold start short. {@code JAVA_TOOL_OPTIONS} in the function's {@code env}
 * adds flags, as on AWS.
 */
public final class JavaLauncher implements RuntimeLauncher {

  /** The client's entry point; its only argument is the handler. */
  static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /**
   * The client's jars, resources in the {@code java} folder beside this class, in class-path order.
   */
  static final List<String> CLIENT_JARS =
      List.of(
          "aws-lambda-java-runtime-interface-client.jar",
          "aws-lambda-java-core.jar",
          "aws-lambda-java-serialization.jar",
          "utils-lite.jar",
          "annotations.jar");

  private static final String CLIENT_FOLDER = "java";

  private final Optional<Path> java;
  private final boolean clientShipped;
  private final RuntimeClientFiles client = new RuntimeClientFiles(CLIENT_FOLDER, CLIENT_JARS);

  JavaLauncher(Optional<Path> java, boolean clientShipped) {
    this.java = java;
    this.clientShipped = clientShipped;
  }

  /** The launcher for the JDK this gateway runs on, with the client jars this gateway ships. */
  public static JavaLauncher ofThisJvm() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new JavaLauncher(
        Files.isExecutable(java) ? Optional.of(java) : Optional.empty(), clientShipped());
  }

  @Override
  public FunctionSpec.Runtime runtime() {
    return FunctionSpec.Runtime.JAVA;
  }

  @Override
  public Optional<String> unavailableReason() {
    if (java.isEmpty()) {
      return Optional.of(
          "runtime java needs the gateway's own java ("
              + System.getProperty("java.home")
              + "/bin/java); it is missing");
    }
    if (!clientShipped) {
      return Optional.of(
          "runtime java needs AWS's runtime interface client, which this jar leaves out to stay"
              + " small: run lambda-gateway.jar instead");
    }
    return Optional.empty();
  }

  @Override
  public List<String> command(FunctionSpec spec) {
    unavailableReason()
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(reason);
            });
    return List.of(
        java.orElseThrow().toString(),
        maxHeap(spec.memoryMb()),
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-XX:-UsePerfData",
        "-cp",
        classPath(),
        MAIN_CLASS,
        spec.handler());
  }

  @Override
  public Path runtimeDir(FunctionSpec spec) {
    return client.dir();
  }

  /** The heap limit at 85% of the function's memory, as AWS's Java runtimes set it. */
  static String maxHeap(int memoryMb) {
    return "-Xmx" + Math.max(1, memoryMb * 85 / 100) + "m";
  }

  private String classPath() {
    Path dir = client.dir();
    return CLIENT_JARS.stream()
        .map(jar -> dir.resolve(jar).toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static boolean clientShipped() {
    return CLIENT_JARS.stream()
        .allMatch(jar -> JavaLauncher.class.getResource(CLIENT_FOLDER + "/" + jar) != null);
  }
}
