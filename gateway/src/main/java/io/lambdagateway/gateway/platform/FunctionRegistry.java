package io.lambdagateway.gateway.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The functions of one gateway, by name, and which one is the default.
 *
 * <p>The default function answers {@code POST /} on the function-URL side and the name {@code
 * function} on the Invoke API, so the RIE's curl line works unchanged.
 *
 * <p>The functions given at construction (the enricher, {@code --function}, templates) are fixed;
 * functions deployed through the API are added, replaced and removed later. Every event loop reads
 * the registry at once: a change publishes a new immutable snapshot through one volatile field, so
 * a reader sees either the whole change or none of it and never takes a lock; writers take the
 * registry's lock, one after another.
 */
public final class FunctionRegistry {

  /** The function name the AWS Runtime Interface Emulator uses for its only function. */
  public static final String RIE_ALIAS = "function";

  /** One consistent view: the map and the list always hold the same functions. */
  private record Snapshot(Map<String, HostedFunction> byName, List<HostedFunction> ordered) {

    static Snapshot of(Map<String, HostedFunction> map) {
      return new Snapshot(Map.copyOf(map), List.copyOf(map.values()));
    }

    Map<String, HostedFunction> mutableCopy() {
      Map<String, HostedFunction> map = new LinkedHashMap<>();
      ordered.forEach(f -> map.put(f.name(), f));
      return map;
    }
  }

  private final String defaultName;
  private final Set<String> fixedNames;
  private volatile Snapshot snapshot;

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
    this.defaultName = defaultName;
    this.fixedNames = Set.copyOf(map.keySet());
    this.snapshot = Snapshot.of(map);
  }

  /** The function with this name; {@code function} means the default unless one is so named. */
  public Optional<HostedFunction> find(String name) {
    Snapshot now = snapshot;
    HostedFunction found = now.byName().get(name);
    if (found == null && RIE_ALIAS.equals(name)) {
      found = now.byName().get(defaultName);
    }
    return Optional.ofNullable(found);
  }

  public HostedFunction defaultFunction() {
    return snapshot.byName().get(defaultName);
  }

  /** All functions: the fixed ones in registration order, then the deployed ones as added. */
  public List<HostedFunction> all() {
    return snapshot.ordered();
  }

  /** The names, for error messages that list what exists. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    snapshot.ordered().forEach(f -> names.add(f.name()));
    return names;
  }

  /**
   * Whether {@code name} is a function the gateway was started with (or the RIE alias of the
   * default), which the API may read but not change.
   */
  public boolean isFixed(String name) {
    return fixedNames.contains(name) || RIE_ALIAS.equals(name);
  }

  /**
   * Adds a deployed function.
   *
   * @return false, changing nothing, when the name is taken or is the RIE alias
   */
  public synchronized boolean add(HostedFunction function) {
    if (isFixed(function.name()) || snapshot.byName().containsKey(function.name())) {
      return false;
    }
    Map<String, HostedFunction> map = snapshot.mutableCopy();
    map.put(function.name(), function);
    snapshot = Snapshot.of(map);
    return true;
  }

  /**
   * Replaces the deployed function of the same name, keeping its place in the order.
   *
   * @return the function replaced, or empty (nothing changed) when none such is deployed
   */
  public synchronized Optional<HostedFunction> replace(HostedFunction function) {
    HostedFunction old = snapshot.byName().get(function.name());
    if (old == null || isFixed(function.name())) {
      return Optional.empty();
    }
    Map<String, HostedFunction> map = snapshot.mutableCopy();
    map.put(function.name(), function);
    snapshot = Snapshot.of(map);
    return Optional.of(old);
  }

  /**
   * Removes a deployed function.
   *
   * @return the function removed, or empty (nothing changed) when none such is deployed
   */
  public synchronized Optional<HostedFunction> remove(String name) {
    HostedFunction old = snapshot.byName().get(name);
    if (old == null || isFixed(name)) {
      return Optional.empty();
    }
    Map<String, HostedFunction> map = snapshot.mutableCopy();
    map.remove(name);
    snapshot = Snapshot.of(map);
    return Optional.of(old);
  }
}
