package io.lambdagateway.gateway.runtime;

import java.util.EnumMap;
import java.util.Map;

/** The launcher of each runtime the gateway can start; immutable. */
public final class RuntimeLaunchers {

  private final Map<FunctionSpec.Runtime, RuntimeLauncher> byRuntime;

  private RuntimeLaunchers(Map<FunctionSpec.Runtime, RuntimeLauncher> byRuntime) {
    this.byRuntime = byRuntime;
  }

  /** The launchers built into the gateway: provided (bootstrap), Node.js, Python and Java. */
  public static RuntimeLaunchers defaults() {
    return new RuntimeLaunchers(new EnumMap<>(FunctionSpec.Runtime.class))
        .with(new ProvidedLauncher())
        .with(NodeLauncher.onPath())
        .with(PythonLauncher.onPath())
        .with(JavaLauncher.ofThisJvm());
  }

  /** These launchers plus {@code launcher}, which replaces any for the same runtime. */
  public RuntimeLaunchers with(RuntimeLauncher launcher) {
    Map<FunctionSpec.Runtime, RuntimeLauncher> copy = new EnumMap<>(FunctionSpec.Runtime.class);
    copy.putAll(byRuntime);
    copy.put(launcher.runtime(), launcher);
    return new RuntimeLaunchers(copy);
  }

  /**
   * The launcher of {@code runtime}.
   *
   * @throws IllegalArgumentException naming the runtime when the gateway cannot start it
   */
  public RuntimeLauncher of(FunctionSpec.Runtime runtime) {
    RuntimeLauncher launcher = byRuntime.get(runtime);
    if (launcher == null) {
      throw new IllegalArgumentException(
          "runtime " + runtime.specName() + " is not supported by this gateway");
    }
    return launcher;
  }
}
