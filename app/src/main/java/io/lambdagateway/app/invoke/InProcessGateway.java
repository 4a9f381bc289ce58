package io.lambdagateway.app.invoke;

import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.Setting;
import io.lambdagateway.gateway.SettingOptions;
import io.lambdagateway.settings.Settings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The gateway {@code invoke} starts when no endpoint is given: the gateway command's settings
 * ({@link SettingOptions}: flags over variables over defaults), except that it listens on a free
 * loopback port with one verticle, checks no SigV4 signature (the call never leaves the process)
 * and keeps no state directory (a one-call gateway must not replay or journal anyone's events).
 */
final class InProcessGateway implements AutoCloseable {

  private final Gateway gateway;

  private InProcessGateway(Gateway gateway) {
    this.gateway = gateway;
  }

  /**
   * Starts the gateway {@code spec}'s settings describe; blocks until it listens.
   *
   * @throws ParameterException (exit code 2, one line) for a bad setting or a function that cannot
   *     be hosted here
   */
  static InProcessGateway start(CommandSpec spec) {
    GatewayConfig config = config(spec);
    try {
      return new InProcessGateway(Gateway.start(config).await());
    } catch (IllegalArgumentException cannotHost) {
      throw new ParameterException(spec.commandLine(), cannotHost.getMessage());
    } catch (Exception failed) {
      // await rethrows a checked failure such as BindException as it is
      throw new IllegalStateException("the in-process gateway could not start: " + failed, failed);
    }
  }

  private static GatewayConfig config(CommandSpec spec) {
    Map<String, String> settings = new HashMap<>(SettingOptions.values(spec));
    settings.put(Setting.HOST.envName(), "127.0.0.1");
    settings.put(Setting.PORT.envName(), "0");
    settings.put(Setting.INSTANCES.envName(), "1");
    settings.put(Setting.AWS_CREDENTIALS.envName(), "");
    settings.put(Setting.AWS_CREDENTIALS_FILE.envName(), "");
    settings.put(Setting.STATE_DIR.envName(), "");
    try {
      return GatewayConfig.fromSettings(settings);
    } catch (GatewayConfig.InvalidSetting invalid) {
      throw Settings.invalid(spec, invalid.setting().flag(), invalid.value(), invalid.accepted());
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + gateway.port());
  }

  String region() {
    return gateway.config().region();
  }

  @Override
  public void close() {
    try {
      gateway.close().await();
    } catch (Exception failed) {
      // stopping a one-call gateway cannot lose anything: the answer is already printed
    }
  }
}
