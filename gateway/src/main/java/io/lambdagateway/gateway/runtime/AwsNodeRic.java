package io.lambdagateway.gateway.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * AWS's {@code aws-lambda-ric} npm package, installed in a function's code directory: where its
 * command-line entry point is. It takes the handler as its argument and the code directory from its
 * working directory, as the gateway starts it.
 */
final class AwsNodeRic {

  private AwsNodeRic() {}

  /**
   * The script the package's {@code bin} names, inside {@code
   * <codeDir>/node_modules/aws-lambda-ric}.
   *
   * @throws IllegalArgumentException with one clear line when the package is missing or broken
   */
  static Path entryPoint(FunctionSpec spec) {
    Path packageDir = spec.codeDir().resolve("node_modules").resolve(NodeLauncher.AWS_RIC);
    Path packageJson = packageDir.resolve("package.json");
    if (!Files.isRegularFile(packageJson)) {
      throw refusal(spec, "needs " + packageDir + " (run npm install aws-lambda-ric in the code)");
    }
    String bin = binOf(spec, packageJson);
    Path script = packageDir.resolve(bin).normalize();
    if (!script.startsWith(packageDir) || !Files.isRegularFile(script)) {
      throw refusal(
          spec, "the bin " + bin + " of " + packageJson + " is not a file in the package");
    }
    return script.toAbsolutePath();
  }

  /** {@code "bin": "x.js"} or {@code "bin": {"aws-lambda-ric": "x.js"}}. */
  private static String binOf(FunctionSpec spec, Path packageJson) {
    JsonNode bin;
    try {
      bin = Json.MAPPER.readTree(packageJson.toFile()).path("bin");
    } catch (IOException e) {
      throw refusal(spec, packageJson + " is not readable JSON: " + e.getMessage());
    }
    JsonNode named = bin.isObject() ? bin.path(NodeLauncher.AWS_RIC) : bin;
    if (!named.isTextual()) {
      throw refusal(spec, packageJson + " names no bin for " + NodeLauncher.AWS_RIC);
    }
    return named.asText();
  }

  private static IllegalArgumentException refusal(FunctionSpec spec, String why) {
    return new IllegalArgumentException(
        "function "
            + spec.name()
            + ": "
            + NodeLauncher.RIC_SWITCH
            + "="
            + NodeLauncher.AWS_RIC
            + " "
            + why);
  }
}
