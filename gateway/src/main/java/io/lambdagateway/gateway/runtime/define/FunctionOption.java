package io.lambdagateway.gateway.runtime.define;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads one {@code --function} spec: {@code
 * name=N,runtime=R,code=DIR|ZIP,handler=H[,timeout=30s][,memory=512][,concurrency=N][,env.KEY=VALUE…]}.
 * Fields are separated by {@code ,} and specs (in {@code GATEWAY_FUNCTIONS}) by {@code ;}, and
 * there is no quoting: a value cannot contain {@code ,} or {@code ;} (define such a function in a
 * template instead). A value may contain {@code =}: only the first one separates key and value.
 * Blanks around keys and values are dropped, except in {@code env.} values, which are taken as
 * written.
 */
final class FunctionOption {

  static final String FIELDS =
      "name, runtime, code, handler, timeout, memory, concurrency, env.KEY";

  private FunctionOption() {}

  /**
   * The draft {@code spec} describes; its rules are checked by {@link FunctionDraft#toSpec}.
   *
   * @throws InvalidDefinition naming the function (when the spec names one) and the bad field
   */
  static FunctionDraft parse(String spec) {
    FunctionDraft draft = new FunctionDraft();
    draft.name = nameIn(spec);
    Set<String> seen = new HashSet<>();
    for (String field : spec.split(",", -1)) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new InvalidDefinition(
            draft.subject()
                + ": '"
                + field.strip()
                + "' is not key=value (values cannot contain ',' or ';' here; "
                + "use --template for such values)");
      }
      String key = field.substring(0, eq).strip();
      String value = field.substring(eq + 1);
      if (!seen.add(key)) {
        throw new InvalidDefinition(draft.subject() + ": field '" + key + "' is given twice");
      }
      set(draft, key, value);
    }
    return draft;
  }

  private static String nameIn(String spec) {
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      if (eq > 0 && field.substring(0, eq).strip().equals("name")) {
        return field.substring(eq + 1).strip();
      }
    }
    return null;
  }

  private static void set(FunctionDraft draft, String key, String value) {
    String v = value.strip();
    switch (key) {
      case "name" -> draft.name = v;
      case "runtime" -> draft.runtime = v;
      case "code" -> draft.code = v;
      case "handler" -> draft.handler = v;
      case "timeout" -> draft.timeout = v;
      case "memory" -> draft.memory = v;
      case "concurrency" -> draft.concurrency = v;
      default -> {
        if (!key.startsWith("env.")) {
          throw new InvalidDefinition(
              draft.subject() + ": unknown field '" + key + "' (fields: " + FIELDS + ")");
        }
        String variable = key.substring("env.".length());
        EnvironmentRules.checkKey(variable)
            .ifPresent(
                wrong -> {
                  throw new InvalidDefinition(draft.subject() + ": " + wrong);
                });
        draft.env.put(variable, value);
      }
    }
  }
}
