package io.lambdagateway.pipeline;

import io.lambdagateway.settings.Settings;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code pipeline} command's options saying how the function is reached ({@code @Mixin} it):
 * the target kind, URL, name, token, extra headers and the AWS region and endpoint. Its own class
 * so that the command reads as a list of option groups.
 */
final class FunctionTargetOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--target",
      defaultValue = "${env:PIPELINE_TARGET:-function-url}",
      converter = TargetConverter.class,
      description = "How the function is reached: function-url, invoke-api or aws.")
  PipelineTarget target;

  @Option(
      names = "--function-url",
      defaultValue = "${env:PIPELINE_FUNCTION_URL:-http://127.0.0.1:8080}",
      description = "Function URL base or Invoke API endpoint.")
  String functionUrl;

  @Option(
      names = "--function-name",
      defaultValue = "${env:PIPELINE_FUNCTION_NAME:-enricher}",
      description = "Function name (path segment, Invoke API name or AWS name/ARN).")
  String functionName;

  @Option(
      names = "--token",
      defaultValue = "${env:PIPELINE_TOKEN:-}",
      description = "Bearer token of the function-url target.")
  String token;

  @Option(
      names = "--headers",
      defaultValue = "${env:PIPELINE_HEADERS:-}",
      description = "Extra request headers Name=Value,Name=Value, sent last (may override).")
  String headers;

  @Option(
      names = "--aws-region",
      defaultValue = "${env:PIPELINE_AWS_REGION}",
      description = "Region of the aws target; none = the SDK's region chain.")
  String awsRegion;

  @Option(
      names = "--aws-endpoint",
      defaultValue = "${env:PIPELINE_AWS_ENDPOINT}",
      description = "Endpoint override of the aws target.")
  String awsEndpoint;

  /**
   * Copies these options into {@code builder}.
   *
   * @throws ParameterException when {@code --headers} is not a header list, or the aws target's SDK
   *     client is not in this jar
   */
  void applyTo(PipelineConfigBuilder builder) {
    if (target == PipelineTarget.AWS && !AwsSdkClasses.present()) {
      throw new ParameterException(spec.commandLine(), AwsSdkClasses.MISSING);
    }
    builder
        .target(target)
        .functionUrl(functionUrl)
        .functionName(functionName)
        .token(token)
        .awsRegion(blankToNull(awsRegion))
        .awsEndpoint(blankToNull(awsEndpoint));
    parsedHeaders().forEach(builder::header);
  }

  private Map<String, String> parsedHeaders() {
    try {
      return ConfigValues.parseHeaders(headers);
    } catch (IllegalArgumentException notHeaders) {
      throw Settings.invalid(spec, "--headers", headers, "headers such as Name=Value,Other=Value");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Accepts function-url, invoke-api and aws. */
  static final class TargetConverter implements ITypeConverter<PipelineTarget> {
    @Override
    public PipelineTarget convert(String value) {
      try {
        return PipelineTarget.parse(value);
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException("function-url, invoke-api or aws");
      }
    }
  }
}
