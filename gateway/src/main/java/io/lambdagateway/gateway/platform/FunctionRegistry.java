package io.lambdagateway.gateway.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions of one gateway, by name, and which one is the default.
 *
 * <p>The default function answers {@code POST /} on the function-URL side and the name {@code
 * function} on the Invoke API, so the RIE's curl line works unchanged. Immutable.
 */
public final class FunctionRegistry {

  /** The function name the AWS Runtime Interface Emulator uses for its only function. */
  public static final String RIE_ALIAS = "function";

  private final Map<String, HostedFunction> byName;
  private final List<HostedFunction> ordered;
  private final String defaultName;

  public FunctionRegistry(List<HostedFunction> functions, String defaultName) {
    Map<String, HostedFunction> map = new LinkedHashMap<>();
    for (HostedFunction f : functions) {
      if (map.put(f.name(), f) != null) {
        throw new IllegalArgumentException("function registered twice: " + f.name());
      }
    }
    if (!map.containsKey(defaultName)) {
      throw new IllegalArgumentException("default function not registered: " + defaultName);
    }
    this.byName = Map.copyOf(map);
    this.defaultName = defaultName;
    this.ordered = List.copyOf(map.values());
  }

  /** The function with this name; {@code function} means the default unless one is so named. */
  public Optional<HostedFunction> find(String name) {
    HostedFunction found = byName.get(name);
    if (found == null && RIE_ALIAS.equals(name)) {
      found = byName.get(defaultName);
    }
    return Optional.ofNullable(found);
  }

  public HostedFunction defaultFunction() {
    return byName.get(defaultName);
  }

  /** All functions in registration order. */
  public List<HostedFunction> all() {
    return ordered;
  }

  /** The names, for error messages that list what exists. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    ordered.forEach(f -> names.add(f.name()));
    return names;
  }
}
