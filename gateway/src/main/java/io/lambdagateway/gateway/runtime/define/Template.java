package io.lambdagateway.gateway.runtime.define;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions of a SAM or CloudFormation template: its {@code AWS::Serverless::Function} and
 * {@code AWS::Lambda::Function} resources, as drafts, and one warning line per function listing
 * what the gateway ignores.
 *
 * <p>Read: {@code FunctionName} (else the logical id), {@code Runtime}, {@code Handler}, {@code
 * CodeUri} (SAM; default the template's directory, as {@code sam} does) or {@code Code} (a local
 * path given as a string), {@code Timeout}, {@code MemorySize}, {@code Environment.Variables},
 * {@code ReservedConcurrentExecutions}, {@code PackageType: Zip}, and SAM's {@code
 * Globals.Function} for SAM functions (a function's own value wins; variables are merged). Relative
 * code paths are relative to the template's directory. Code in S3, inline code and container images
 * are refused. Intrinsic functions: {@code !Ref} of a parameter with a {@code Default} is resolved;
 * any other in a property the gateway reads is refused, and a variable whose value uses one is left
 * out and listed in the warning.
 */
final class Template {

  static final String SAM_FUNCTION = "AWS::Serverless::Function";
  static final String CFN_FUNCTION = "AWS::Lambda::Function";

  private static final Set<String> COMMON =
      Set.of(
          "FunctionName",
          "Runtime",
          "Handler",
          "Timeout",
          "MemorySize",
          "Environment",
          "ReservedConcurrentExecutions",
          "PackageType");

  /** The template's functions, not yet checked, and the warning lines about them. */
  record Functions(List<FunctionDraft> drafts, List<String> warnings) {}

  private final String file;
  private final JsonNode parameters;

  private Template(String file, JsonNode parameters) {
    this.file = file;
    this.parameters = parameters;
  }

  /**
   * Reads {@code template}.
   *
   * @throws InvalidDefinition naming the template (and the function) and what is wrong
   */
  static Functions read(Path template) {
    String file = String.valueOf(template.getFileName());
    if (!Files.isRegularFile(template)) {
      throw new InvalidDefinition(file + ": no such file");
    }
    JsonNode root;
    try {
      root = TemplateYaml.read(template);
    } catch (JsonProcessingException notYaml) {
      throw new InvalidDefinition(
          file
              + ": not a YAML or JSON template: "
              + notYaml.getOriginalMessage()
              + (notYaml.getLocation() == null
                  ? ""
                  : " (line " + notYaml.getLocation().getLineNr() + ")"));
    } catch (IOException unreadable) {
      throw new InvalidDefinition(file + ": cannot be read: " + unreadable);
    }
    if (!root.path("Resources").isObject()) {
      throw new InvalidDefinition(file + ": no Resources section");
    }
    return new Template(file, root.path("Parameters")).functions(root);
  }

  private Functions functions(JsonNode root) {
    JsonNode globals = root.path("Globals").path("Function");
    List<FunctionDraft> drafts = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("Resources").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      String type = resource.getValue().path("Type").asText();
      JsonNode properties = resource.getValue().path("Properties");
      if (type.equals(SAM_FUNCTION)) {
        add(resource.getKey(), withGlobals(properties, globals), "CodeUri", drafts, warnings);
      } else if (type.equals(CFN_FUNCTION)) {
        add(resource.getKey(), properties, "Code", drafts, warnings);
      }
    }
    if (drafts.isEmpty()) {
      throw new InvalidDefinition(
          file + ": no " + SAM_FUNCTION + " or " + CFN_FUNCTION + " resources");
    }
    return new Functions(drafts, warnings);
  }

  private void add(
      String logicalId,
      JsonNode properties,
      String codeProperty,
      List<FunctionDraft> drafts,
      List<String> warnings) {
    TemplateFunction function = new TemplateFunction(file, logicalId, properties, parameters);
    FunctionDraft draft = function.draft(codeProperty);
    drafts.add(draft);
    List<String> ignored = new ArrayList<>();
    properties
        .fieldNames()
        .forEachRemaining(
            p -> {
              if (!COMMON.contains(p) && !p.equals(codeProperty)) {
                ignored.add(p);
              }
            });
    StringBuilder warning = new StringBuilder();
    if (!ignored.isEmpty()) {
      warning.append("ignored unsupported properties ").append(String.join(", ", ignored));
    }
    if (!function.leftOutVariables().isEmpty()) {
      warning
          .append(warning.length() == 0 ? "" : "; ")
          .append("left out variables ")
          .append(String.join(", ", function.leftOutVariables()));
    }
    if (warning.length() > 0) {
      warnings.add(file + ": " + draft.subject() + ": " + warning);
    }
  }

  /** SAM's Globals: the function's own value wins; environment variables are merged. */
  private static JsonNode withGlobals(JsonNode properties, JsonNode globals) {
    if (!globals.isObject()) {
      return properties;
    }
    ObjectNode merged = ((ObjectNode) globals).deepCopy();
    if (properties.isObject()) {
      JsonNode globalVariables = globals.path("Environment").path("Variables");
      JsonNode ownVariables = properties.path("Environment").path("Variables");
      merged.setAll((ObjectNode) properties);
      if (globalVariables.isObject() && ownVariables.isObject()) {
        ObjectNode variables = ((ObjectNode) globalVariables).deepCopy();
        variables.setAll((ObjectNode) ownVariables);
        merged.putObject("Environment").set("Variables", variables);
      }
    }
    return merged;
  }
}
