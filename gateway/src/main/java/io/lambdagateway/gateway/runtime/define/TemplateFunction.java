package io.lambdagateway.gateway.runtime.define;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One function resource of a template, read into a {@link FunctionDraft}: the properties the
 * gateway understands, as text, with {@code !Ref} of a parameter with a {@code Default} resolved
 * (see {@link Template} for which properties and what is refused).
 */
final class TemplateFunction {

  private final String file;
  private final String logicalId;
  private final JsonNode properties;
  private final JsonNode parameters;
  private final List<String> leftOutVariables = new ArrayList<>();
  private String name;

  TemplateFunction(String file, String logicalId, JsonNode properties, JsonNode parameters) {
    this.file = file;
    this.logicalId = logicalId;
    this.properties = properties;
    this.parameters = parameters;
  }

  /** Variables left out because their value uses an intrinsic function, with its name. */
  List<String> leftOutVariables() {
    return leftOutVariables;
  }

  /**
   * The draft; {@code codeProperty} is {@code CodeUri} (SAM) or {@code Code} (CloudFormation).
   *
   * @throws InvalidDefinition naming the template, the function and the property
   */
  FunctionDraft draft(String codeProperty) {
    name = logicalId; // until FunctionName is read, errors name the logical id
    if (!properties.isObject()) {
      throw refused("has no Properties");
    }
    name = text("FunctionName").orElse(logicalId);
    FunctionDraft draft = new FunctionDraft();
    draft.name = name;
    text("PackageType")
        .filter(type -> !type.equals("Zip"))
        .ifPresent(
            type -> {
              throw refused("PackageType " + type + " (container images) is not supported");
            });
    if (properties.has("InlineCode")) {
      throw refused("InlineCode is not supported; give CodeUri");
    }
    draft.runtime = text("Runtime").orElse(null);
    draft.handler = text("Handler").orElse(null);
    draft.code = code(codeProperty);
    draft.timeout = text("Timeout").orElse(null);
    draft.memory = text("MemorySize").orElse(null);
    draft.concurrency = text("ReservedConcurrentExecutions").orElse(null);
    readVariables(draft);
    return draft;
  }

  private String code(String property) {
    JsonNode code = properties.path(property);
    if (property.equals("CodeUri") && code.isMissingNode()) {
      return ".";
    }
    if (code.isObject() && (code.has("S3Bucket") || code.has("Bucket"))) {
      throw refused(property + " in S3 is not supported; give a local directory or zip");
    }
    if (code.isObject() && code.has("ZipFile")) {
      throw refused(property + ".ZipFile (inline code) is not supported");
    }
    if (code.isObject() && code.has("ImageUri")) {
      throw refused(property + ".ImageUri (container images) is not supported");
    }
    String path = text(property).orElseThrow(() -> refused(property + " is missing"));
    if (path.startsWith("s3://")) {
      throw refused(property + " in S3 is not supported; give a local directory or zip");
    }
    return path;
  }

  private void readVariables(FunctionDraft draft) {
    JsonNode variables = properties.path("Environment").path("Variables");
    if (variables.isMissingNode()) {
      return;
    }
    if (!variables.isObject()) {
      throw refused("Environment.Variables is not a map");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String key = variable.getKey();
      EnvironmentRules.checkKey(key)
          .ifPresent(
              wrong -> {
                throw refused(wrong);
              });
      JsonNode value = resolve(variable.getValue());
      if (value.isValueNode()) {
        draft.env.put(key, value.asText());
      } else if (intrinsic(value).isPresent()) {
        leftOutVariables.add(key + " (" + intrinsic(value).get() + ")");
      } else {
        throw refused("Environment.Variables." + key + " is not a single value");
      }
    }
  }

  /** The property as text; empty when absent. */
  private Optional<String> text(String property) {
    JsonNode value = properties.path(property);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    JsonNode resolved = resolve(value);
    if (resolved.isValueNode()) {
      return Optional.of(resolved.asText());
    }
    Optional<String> function = intrinsic(resolved);
    if (function.isPresent()) {
      throw refused(
          property
              + " uses "
              + function.get()
              + ": only !Ref of a template parameter with a Default is resolved");
    }
    throw refused(property + " is not a single value");
  }

  /** {@code !Ref P} of a parameter with a Default → that default; anything else as it is. */
  private JsonNode resolve(JsonNode value) {
    JsonNode ref = value.path("Ref");
    if (value.isObject() && value.size() == 1 && ref.isTextual()) {
      JsonNode fallback = parameters.path(ref.asText()).path("Default");
      if (fallback.isValueNode()) {
        return fallback;
      }
    }
    return value;
  }

  /** The short name ({@code !Sub}, {@code !Ref}) of the intrinsic function {@code value} is. */
  private static Optional<String> intrinsic(JsonNode value) {
    if (!value.isObject() || value.size() != 1) {
      return Optional.empty();
    }
    String key = value.fieldNames().next();
    if (key.equals("Ref") || key.equals("Condition")) {
      return Optional.of("!" + key);
    }
    return key.startsWith("Fn::")
        ? Optional.of("!" + key.substring("Fn::".length()))
        : Optional.empty();
  }

  private InvalidDefinition refused(String what) {
    return new InvalidDefinition(file + ": function " + name + ": " + what);
  }
}
