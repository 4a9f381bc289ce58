package io.lambdagateway.gateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.runtime.define.ApiDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Everything the gateway keeps about one deployed function: its configuration as the API set it,
 * its tags and the facts of its code. Immutable; each change makes a new one with a new {@code
 * revisionId} (tags and concurrency are not part of a revision, as on AWS).
 *
 * @param runtime the runtime as the caller named it, reported back unchanged
 * @param role the execution role ARN the caller gave (kept and reported, not checked)
 * @param codeFile the zip's file name in the store (empty without a state directory)
 * @param codeSha256 base64 of the SHA-256 of the zip, as AWS reports it
 * @param codeSize the zip's size in bytes
 */
public record Deployment(
    String name,
    String runtime,
    String handler,
    String role,
    String description,
    int timeoutSeconds,
    int memoryMb,
    OptionalInt reservedConcurrency,
    Map<String, String> environment,
    Map<String, String> tags,
    String codeFile,
    String codeSha256,
    long codeSize,
    Instant lastModified,
    String revisionId) {

  public Deployment {
    environment = Map.copyOf(environment);
    tags = Map.copyOf(tags);
  }

  /** The definition the runtime package checks and hosts. */
  public ApiDefinition definition() {
    return new ApiDefinition(
        name, runtime, handler, timeoutSeconds, memoryMb, reservedConcurrency, environment);
  }

  /** This deployment with new code, now. */
  Deployment withCode(String newCodeFile, String newSha256, long newSize) {
    return new Deployment(
        name,
        runtime,
        handler,
        role,
        description,
        timeoutSeconds,
        memoryMb,
        reservedConcurrency,
        environment,
        tags,
        newCodeFile,
        newSha256,
        newSize,
        Instant.now(),
        newRevision());
  }

  /** This deployment with another configuration (same code), now. */
  Deployment withConfiguration(Deployment changed) {
    return new Deployment(
        name,
        changed.runtime,
        changed.handler,
        changed.role,
        changed.description,
        changed.timeoutSeconds,
        changed.memoryMb,
        reservedConcurrency,
        changed.environment,
        tags,
        codeFile,
        codeSha256,
        codeSize,
        Instant.now(),
        newRevision());
  }

  Deployment withReservedConcurrency(OptionalInt reserved) {
    return new Deployment(
        name,
        runtime,
        handler,
        role,
        description,
        timeoutSeconds,
        memoryMb,
        reserved,
        environment,
        tags,
        codeFile,
        codeSha256,
        codeSize,
        lastModified,
        revisionId);
  }

  Deployment withTags(Map<String, String> newTags) {
    return new Deployment(
        name,
        runtime,
        handler,
        role,
        description,
        timeoutSeconds,
        memoryMb,
        reservedConcurrency,
        environment,
        newTags,
        codeFile,
        codeSha256,
        codeSize,
        lastModified,
        revisionId);
  }

  static String newRevision() {
    return UUID.randomUUID().toString();
  }

  /** The stored form (one JSON object, field names as AWS's where AWS has them). */
  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("FunctionName", name);
    o.put("Runtime", runtime);
    o.put("Handler", handler);
    o.put("Role", role);
    o.put("Description", description);
    o.put("Timeout", timeoutSeconds);
    o.put("MemorySize", memoryMb);
    reservedConcurrency.ifPresent(n -> o.put("ReservedConcurrentExecutions", n));
    ObjectNode env = o.putObject("Environment").putObject("Variables");
    environment.forEach(env::put);
    ObjectNode tagNode = o.putObject("Tags");
    tags.forEach(tagNode::put);
    o.put("CodeFile", codeFile);
    o.put("CodeSha256", codeSha256);
    o.put("CodeSize", codeSize);
    o.put("LastModified", lastModified.toString());
    o.put("RevisionId", revisionId);
    return o;
  }

  /** Reads {@link #toJson}'s form; throws IllegalArgumentException when a field is missing. */
  static Deployment fromJson(JsonNode o) {
    return new Deployment(
        text(o, "FunctionName"),
        text(o, "Runtime"),
        o.path("Handler").isTextual() ? o.get("Handler").asText() : null,
        o.path("Role").asText(""),
        o.path("Description").asText(""),
        o.path("Timeout").asInt(),
        o.path("MemorySize").asInt(),
        o.has("ReservedConcurrentExecutions")
            ? OptionalInt.of(o.get("ReservedConcurrentExecutions").asInt())
            : OptionalInt.empty(),
        strings(o.path("Environment").path("Variables")),
        strings(o.path("Tags")),
        text(o, "CodeFile"),
        text(o, "CodeSha256"),
        o.path("CodeSize").asLong(),
        Instant.parse(text(o, "LastModified")),
        text(o, "RevisionId"));
  }

  private static String text(JsonNode o, String field) {
    if (!o.path(field).isTextual()) {
      throw new IllegalArgumentException("field " + field + " is missing");
    }
    return o.get(field).asText();
  }

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
