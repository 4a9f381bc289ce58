package io.lambdagateway.gateway.runtime.define;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.runtime.FunctionSpec;
import io.lambdagateway.gateway.runtime.FunctionSpec.Runtime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SAM and CloudFormation templates")
class TemplateTest {

  @TempDir Path dir;

  @BeforeEach
  void writeCode() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/main.js"), "exports.handler = async (e) => e;\n");
  }

  private List<FunctionSpec> host(String yaml) throws IOException {
    Path template = Files.writeString(dir.resolve("template.yaml"), yaml);
    return new FunctionDefinitions(List.of("enricher"), CodeZip.withDefaultBounds())
        .addTemplate(template)
        .functions();
  }

  private Template.Functions read(String yaml) throws IOException {
    return Template.read(Files.writeString(dir.resolve("template.yaml"), yaml));
  }

  @Test
  @DisplayName("SAM functions take Globals.Function, their own values winning, variables merged")
  void samWithGlobals() throws IOException {
    List<FunctionSpec> functions =
        host(
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: nodejs20.x
                Timeout: 10
                Environment:
                  Variables:
                    STAGE: local
                    LEVEL: info
            Resources:
              Enrich:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
                  Handler: main.handler
                  MemorySize: 256
                  Environment:
                    Variables:
                      LEVEL: debug
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: orders-fn
                  CodeUri: ./src
                  Handler: main.handler
                  Timeout: 60
                  ReservedConcurrentExecutions: 3
            """);

    assertThat(functions).extracting(FunctionSpec::name).containsExactly("Enrich", "orders-fn");
    FunctionSpec enrich = functions.get(0);
    assertThat(enrich.runtime()).isEqualTo(Runtime.NODEJS);
    assertThat(enrich.codeDir()).isEqualTo(dir.resolve("src").toAbsolutePath());
    assertThat(enrich.handler()).isEqualTo("main.handler");
    assertThat(enrich.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(enrich.memoryMb()).isEqualTo(256);
    assertThat(enrich.env()).isEqualTo(Map.of("STAGE", "local", "LEVEL", "debug"));
    FunctionSpec orders = functions.get(1);
    assertThat(orders.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(orders.memoryMb()).isEqualTo(128);
    assertThat(orders.reservedConcurrency()).isEqualTo(OptionalInt.of(3));
    assertThat(orders.env()).isEqualTo(Map.of("STAGE", "local", "LEVEL", "info"));
  }

  @Test
  @DisplayName("a CloudFormation function with Code as a local path, relative to the template")
  void plainCloudFormation() throws IOException {
    Files.writeString(dir.resolve("src/app.py"), "def handler(e, c):\n  return e\n");
    List<FunctionSpec> functions =
        host(
            """
            {"Resources": {"Py": {"Type": "AWS::Lambda::Function", "Properties": {
              "Runtime": "python3.12", "Handler": "app.handler", "Code": "src",
              "Timeout": 5, "MemorySize": 1024, "PackageType": "Zip",
              "Environment": {"Variables": {"N": 42, "ON": true}}}},
             "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {}}}}
            """);

    assertThat(functions).hasSize(1);
    FunctionSpec py = functions.get(0);
    assertThat(py.name()).isEqualTo("Py");
    assertThat(py.runtime()).isEqualTo(Runtime.PYTHON);
    assertThat(py.runtimeId()).isEqualTo("python3.12");
    assertThat(py.codeDir()).isEqualTo(dir.resolve("src").toAbsolutePath());
    assertThat(py.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(py.memoryMb()).isEqualTo(1024);
    assertThat(py.env()).isEqualTo(Map.of("N", "42", "ON", "true"));
  }

  @Test
  @DisplayName("Globals do not apply to AWS::Lambda::Function")
  void globalsOnlyForSam() throws IOException {
    assertThatThrownBy(
            () ->
                host(
                    """
                    Globals: {Function: {Runtime: nodejs20.x}}
                    Resources:
                      F: {Type: AWS::Lambda::Function, Properties: {Handler: main.handler, Code: src}}
                    """))
        .hasMessage("template.yaml: function F: runtime is missing: " + RuntimeNames.ACCEPTED);
  }

  @Test
  @DisplayName("unsupported properties, also from Globals, are listed in one warning per function")
  void warnsOnceAboutUnsupportedProperties() throws IOException {
    Template.Functions read =
        read(
            """
            Globals:
              Function:
                Tracing: Active
            Resources:
              A:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: nodejs20.x
                  Handler: main.handler
                  CodeUri: src
                  Events: {Api: {Type: Api}}
                  Policies: [AWSLambdaBasicExecutionRole]
                  Layers: [arn:aws:lambda:us-east-1:1:layer:x:1]
              B:
                Type: AWS::Serverless::Function
                Properties: {Runtime: nodejs20.x, Handler: main.handler, CodeUri: src}
            """);

    assertThat(read.warnings())
        .containsExactly(
            "template.yaml: function A: ignored unsupported properties Tracing, Events, "
                + "Policies, Layers",
            "template.yaml: function B: ignored unsupported properties Tracing");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CodeUri: s3://bucket/fn.zip | CodeUri in S3 is not supported; give a local directory or zip",
        "CodeUri: {Bucket: b, Key: k} | CodeUri in S3 is not supported",
        "InlineCode: 'exports.handler=1' | InlineCode is not supported; give CodeUri",
        "PackageType: Image | PackageType Image (container images) is not supported",
        "Handler: !Sub '${AWS::Region}.handler' | Handler uses !Sub: only !Ref of a template "
            + "parameter with a Default is resolved",
        "Runtime: !Ref NoDefault | Runtime uses !Ref: only !Ref of a template parameter",
        "Timeout: {'Fn::If': [c, 1, 2]} | Timeout uses !If",
        "MemorySize: [1, 2] | MemorySize is not a single value",
        "Environment: {Variables: {AWS_REGION: x}} | environment variable AWS_REGION is reserved"
      })
  @DisplayName("what the gateway cannot host is refused in one line naming template and function")
  void refusesSamProperty(String property, String message) throws IOException {
    String yaml =
        """
        Parameters:
          NoDefault: {Type: String}
        Resources:
          F:
            Type: AWS::Serverless::Function
            Properties:
              %s
              Runtime: nodejs20.x
              Handler: main.handler
              CodeUri: src
        """
            .formatted(property);
    String own = property.substring(0, property.indexOf(':'));
    String withoutDuplicate =
        yaml.lines()
            .filter(l -> !l.strip().startsWith(own + ":") || l.contains(property))
            .reduce("", (a, b) -> a + b + "\n");

    assertThatThrownBy(() -> host(withoutDuplicate))
        .isInstanceOf(InvalidDefinition.class)
        .hasMessageStartingWith("template.yaml: function F: " + message.strip());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{S3Bucket: b, S3Key: k} | Code in S3 is not supported; give a local directory or zip",
        "{ZipFile: 'exports.handler=1'} | Code.ZipFile (inline code) is not supported",
        "{ImageUri: 'x.dkr.ecr/img'} | Code.ImageUri (container images) is not supported"
      })
  @DisplayName("CloudFormation code in S3, inline or as an image is refused")
  void refusesCloudFormationCode(String code, String message) {
    assertThatThrownBy(
            () ->
                host(
                    """
                    Resources:
                      F:
                        Type: AWS::Lambda::Function
                        Properties: {Runtime: nodejs20.x, Handler: main.handler, Code: %s}
                    """
                        .formatted(code)))
        .hasMessage("template.yaml: function F: " + message.strip());
  }

  @Test
  @DisplayName("!Ref of a parameter with a Default is resolved, in short and long form")
  void resolvesParameterReferences() throws IOException {
    List<FunctionSpec> functions =
        host(
            """
            Parameters:
              CodePath: {Type: String, Default: src}
              Level: {Type: String, Default: warn}
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: nodejs20.x
                  Handler: main.handler
                  CodeUri: !Ref CodePath
                  Environment:
                    Variables:
                      LEVEL: {Ref: Level}
            """);

    assertThat(functions.get(0).codeDir()).isEqualTo(dir.resolve("src").toAbsolutePath());
    assertThat(functions.get(0).env()).isEqualTo(Map.of("LEVEL", "warn"));
  }

  @Test
  @DisplayName("a variable using another intrinsic function is left out and named in the warning")
  void leavesOutUnresolvedVariables() throws IOException {
    Template.Functions read =
        read(
            """
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: nodejs20.x
                  Handler: main.handler
                  CodeUri: src
                  Description: enriches
                  Environment:
                    Variables:
                      TABLE: !GetAtt Table.Arn
                      URL: !Sub 'https://${Api}.example'
                      STAGE: local
            """);

    assertThat(read.drafts().get(0).env).isEqualTo(Map.of("STAGE", "local"));
    assertThat(read.warnings())
        .containsExactly(
            "template.yaml: function F: ignored unsupported properties Description; "
                + "left out variables TABLE (!GetAtt), URL (!Sub)");
  }

  @Test
  @DisplayName("a template name clashing with a built-in or another function is refused")
  void refusesTakenNames() {
    assertThatThrownBy(
            () ->
                host(
                    """
                    Resources:
                      enricher:
                        Type: AWS::Serverless::Function
                        Properties: {Runtime: nodejs20.x, Handler: main.handler, CodeUri: src}
                    """))
        .hasMessage("template.yaml: function enricher: the name is taken by a built-in function");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'Resources: [unclosed' | template.yaml: not a YAML or JSON template:",
        "'AWSTemplateFormatVersion: x' | template.yaml: no Resources section",
        "'Resources: {T: {Type: AWS::SQS::Queue}}' | template.yaml: no AWS::Serverless::Function"
      })
  @DisplayName("a broken template or one without functions is one line")
  void refusesBrokenTemplates(String yaml, String message) {
    assertThatThrownBy(() -> host(yaml))
        .isInstanceOf(InvalidDefinition.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("a missing template file is one line")
  void refusesMissingFile() {
    assertThatThrownBy(
            () ->
                new FunctionDefinitions(List.of(), CodeZip.withDefaultBounds())
                    .addTemplate(dir.resolve("nope.yaml")))
        .hasMessage("nope.yaml: no such file");
  }
}
