package io.lambdagateway.gateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.http.ServiceError;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The members of a CreateFunction or UpdateFunctionConfiguration body, typed as the Lambda model
 * types them: a member of the wrong JSON type is a 400 {@code InvalidParameterValueException}, and
 * what the gateway cannot host (an image, code in S3) is refused with one that says so. The values
 * themselves (name, runtime, handler, ranges) are checked where the function is defined ({@link
 * io.lambdagateway.gateway.runtime.define.ApiDefinition}).
 */
final class FunctionFields {

  static final int DEFAULT_TIMEOUT_SECONDS = 3;
  static final int DEFAULT_MEMORY_MB = 128;

  private final ObjectNode body;

  FunctionFields(ObjectNode body) {
    this.body = body;
  }

  /** The deployment a CreateFunction body asks for, its code facts still empty. */
  Deployment forCreate() {
    refuseImage(body.path("PackageType").asText("Zip"), body.path("Code"));
    String name = text("FunctionName", null);
    if (name == null) {
      throw ServiceError.invalidParameter("FunctionName is required");
    }
    String runtime = text("Runtime", null);
    if (runtime == null) {
      throw ServiceError.invalidParameter("Runtime is required for a function from a .zip file");
    }
    return new Deployment(
        name,
        runtime,
        text("Handler", null),
        text("Role", ""),
        text("Description", ""),
        number("Timeout", DEFAULT_TIMEOUT_SECONDS),
        number("MemorySize", DEFAULT_MEMORY_MB),
        OptionalInt.empty(),
        variables(),
        strings("Tags"),
        "",
        "",
        0,
        Instant.now(),
        Deployment.newRevision());
  }

  /** {@code current} with the members an UpdateFunctionConfiguration body sets. */
  Deployment forUpdate(Deployment current) {
    return new Deployment(
        current.name(),
        text("Runtime", current.runtime()),
        text("Handler", current.handler()),
        text("Role", current.role()),
        text("Description", current.description()),
        number("Timeout", current.timeoutSeconds()),
        number("MemorySize", current.memoryMb()),
        current.reservedConcurrency(),
        body.has("Environment") ? variables() : current.environment(),
        current.tags(),
        current.codeFile(),
        current.codeSha256(),
        current.codeSize(),
        current.lastModified(),
        current.revisionId());
  }

  /** Refuses what UpdateFunctionCode cannot do here (an image, code in S3). */
  void checkCodeUpdate() {
    refuseImage(body.has("ImageUri") ? "Image" : "Zip", body);
  }

  /** The {@code RevisionId} the caller expects the function to have, if it sent one. */
  String expectedRevision() {
    return text("RevisionId", null);
  }

  private static void refuseImage(String packageType, JsonNode code) {
    if ("Image".equals(packageType) || code.has("ImageUri")) {
      throw ServiceError.invalidParameter(
          "PackageType Image is not supported by this gateway: it hosts functions from a .zip "
              + "file (Code.ZipFile) in its own runtime processes");
    }
    if (code.has("S3Bucket") || code.has("S3Key")) {
      throw ServiceError.invalidParameter(
          "Code from S3 (S3Bucket, S3Key) is not supported by this gateway: send the .zip "
              + "itself as ZipFile (aws lambda ... --zip-file fileb://function.zip)");
    }
  }

  private String text(String member, String otherwise) {
    JsonNode value = body.get(member);
    if (value == null || value.isNull()) {
      return otherwise;
    }
    if (!value.isTextual()) {
      throw wrongType(member, "a string");
    }
    return value.asText();
  }

  private int number(String member, int otherwise) {
    JsonNode value = body.get(member);
    if (value == null || value.isNull()) {
      return otherwise;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(member, "an integer");
    }
    return value.asInt();
  }

  private Map<String, String> variables() {
    JsonNode variables = body.path("Environment").path("Variables");
    return variables.isMissingNode() || variables.isNull()
        ? Map.of()
        : stringMap("Environment.Variables", variables);
  }

  private Map<String, String> strings(String member) {
    JsonNode value = body.get(member);
    return value == null || value.isNull() ? Map.of() : stringMap(member, value);
  }

  static Map<String, String> stringMap(String member, JsonNode value) {
    if (!value.isObject()) {
      throw wrongType(member, "a map of strings");
    }
    value
        .properties()
        .forEach(
            e -> {
              if (!e.getValue().isTextual()) {
                throw wrongType(member + "." + e.getKey(), "a string");
              }
            });
    return Deployment.strings(value);
  }

  private static ServiceError wrongType(String member, String type) {
    return ServiceError.invalidParameter(member + " must be " + type);
  }
}
