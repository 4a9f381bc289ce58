package io.lambdagateway.gateway.http.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.platform.FunctionFacts;
import io.lambdagateway.gateway.platform.HostedFunction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code FunctionConfiguration} of the Lambda API model for a {@link HostedFunction}: what
 * GetFunctionConfiguration returns, GetFunction nests under {@code Configuration} and ListFunctions
 * / ListVersionsByFunction list. Member names and JSON types follow the service model; values
 * reflect the function (its runtime, handler, timeout, memory, environment and the {@link
 * FunctionFacts} of its code). A function here is always {@code Active} with its last update {@code
 * Successful}: it is registered only once it can run.
 */
public final class FunctionConfiguration {

  /** The only version a function has: the gateway does not publish versions. */
  public static final String LATEST = "$LATEST";

  /** AWS's {@code LastModified} form, e.g. {@code 2024-01-01T00:00:00.000+0000}. */
  static final DateTimeFormatter LAST_MODIFIED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private static final String ARCHITECTURE =
      System.getProperty("os.arch").contains("aarch64") ? "arm64" : "x86_64";

  private FunctionConfiguration() {}

  /**
   * The configuration of {@code fn}'s {@code $LATEST}.
   *
   * @param qualifiedArn true for {@code FunctionArn} with the {@code :$LATEST} suffix, as AWS
   *     answers when a version was asked for (a qualifier, ListVersionsByFunction)
   */
  public static ObjectNode of(HostedFunction fn, GatewayConfig config, boolean qualifiedArn) {
    FunctionFacts facts = fn.facts();
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    String arn = config.functionArn(fn.name());
    c.put("FunctionName", fn.name());
    c.put("FunctionArn", qualifiedArn ? arn + ":" + LATEST : arn);
    c.put("Runtime", fn.function().runtimeName());
    c.put("Role", facts.role().orElse(roleArn(config)));
    c.put("Handler", fn.function().handlerName());
    c.put("CodeSize", facts.codeSize());
    c.put("Description", facts.description());
    c.put("Timeout", Math.max(1, fn.timeout().toSeconds()));
    c.put("MemorySize", fn.memorySizeMb());
    c.put("LastModified", lastModified(facts.lastModified()));
    c.put("CodeSha256", facts.codeSha256());
    c.put("Version", LATEST);
    if (!facts.environment().isEmpty()) {
      ObjectNode variables = c.putObject("Environment").putObject("Variables");
      facts.environment().forEach(variables::put);
    }
    c.putObject("TracingConfig").put("Mode", "PassThrough");
    c.put("RevisionId", facts.revisionId());
    c.put("State", "Active");
    c.put("LastUpdateStatus", "Successful");
    c.put("PackageType", "Zip");
    c.putArray("Architectures").add(ARCHITECTURE);
    c.putObject("EphemeralStorage").put("Size", 512);
    c.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
    c.putObject("LoggingConfig")
        .put("LogFormat", "Text")
        .put("LogGroup", "/aws/lambda/" + fn.name());
    return c;
  }

  /** The execution role every function reports; the gateway runs functions without IAM. */
  public static String roleArn(GatewayConfig config) {
    return "arn:aws:iam::" + config.accountId() + ":role/lambda-gateway";
  }

  /** {@code instant} in AWS's {@code LastModified} form. */
  public static String lastModified(Instant instant) {
    return LAST_MODIFIED.format(instant);
  }
}
