package io.lambdagateway.app.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The gateway image as the offline path builds it: the repository's root Dockerfile (default
 * target) with a build context of the Dockerfile and the slim launcher jar only, so the build stage
 * skips Maven and runs jlink.
 *
 * <p>Each of the two base images is, in order: a system property or environment variable ({@code
 * lambda.gateway.slimBaseImage} / {@code LAMBDA_GATEWAY_SLIM_BASE_IMAGE}, {@code
 * lambda.gateway.buildImage} / {@code LAMBDA_GATEWAY_BUILD_IMAGE}); else the local image that
 * {@code .ci/container-engine.sh} makes, when the engine holds it (no registry is needed); else the
 * Dockerfile's own default, pulled from the registry. The build runs in the host network so that an
 * engine without a bridge can build. The caller removes the image with {@link #remove}: with Ryuk
 * disabled, Testcontainers' delete-on-exit left images behind.
 *
 * @param name the built image's name
 * @param baseImage the image the runtime stage started from
 * @param jar the launcher jar copied into the image
 * @param buildTime how long the build took
 */
record GatewayImage(String name, String baseImage, Path jar, Duration buildTime) {
  /** Made by .ci/container-engine.sh from Debian's packages. */
  static final String LOCAL_BASE_IMAGE = "lambda-gateway/debian-slim:bookworm";

  static final String LOCAL_BUILD_IMAGE = "lambda-gateway/build-jdk17:bookworm";

  /** The Dockerfile's {@code ARG BASE_IMAGE} default. */
  static final String DOCKERFILE_BASE_IMAGE = "debian:bookworm-slim";

  static final String JAR = "app/target/lambda-gateway-slim.jar";
  private static final Logger LOG = LoggerFactory.getLogger(GatewayImage.class);

  /** Builds the image from the repository root found above this module's directory. */
  static GatewayImage build(DockerClient docker) throws IOException {
    Path root = repositoryRoot();
    Path jar = root.resolve(JAR);
    assertThat(jar).as("the slim launcher jar, made by `mvn package`").isRegularFile();
    Optional<String> base =
        configured(
            docker,
            "lambda.gateway.slimBaseImage",
            "LAMBDA_GATEWAY_SLIM_BASE_IMAGE",
            LOCAL_BASE_IMAGE);
    Optional<String> builder =
        configured(
            docker, "lambda.gateway.buildImage", "LAMBDA_GATEWAY_BUILD_IMAGE", LOCAL_BUILD_IMAGE);
    ImageFromDockerfile image =
        new ImageFromDockerfile("lambda-gateway-it", false)
            .withFileFromPath("Dockerfile", root.resolve("Dockerfile"))
            .withFileFromPath(JAR, jar)
            .withBuildImageCmdModifier(cmd -> cmd.withNetworkMode("host"));
    base.ifPresent(name -> image.withBuildArg("BASE_IMAGE", name));
    builder.ifPresent(name -> image.withBuildArg("BUILD_IMAGE", name));
    long started = System.nanoTime();
    String name = image.get();
    Duration buildTime = Duration.ofNanos(System.nanoTime() - started);
    String baseImage = base.orElse(DOCKERFILE_BASE_IMAGE);
    LOG.info("built {} from {} in {} ms", name, baseImage, buildTime.toMillis());
    return new GatewayImage(name, baseImage, jar, buildTime);
  }

  /** The size the engine reports for the image, all layers included. */
  long totalBytes(DockerClient docker) {
    return sizeOf(docker, name);
  }

  long baseBytes(DockerClient docker) {
    return sizeOf(docker, baseImage);
  }

  long jarBytes() throws IOException {
    return Files.size(jar);
  }

  /** Removes the image, so repeated runs do not pile up jar layers in the engine's cache. */
  void remove(DockerClient docker) {
    docker.removeImageCmd(name).withForce(true).exec();
  }

  private static long sizeOf(DockerClient docker, String image) {
    return docker.inspectImageCmd(image).exec().getSize();
  }

  static Path repositoryRoot() {
    // Maven runs tests in the module directory and also passes it as "basedir".
    Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    return module.getParent();
  }

  private static Optional<String> configured(
      DockerClient docker, String property, String variable, String localImage) {
    String configured = System.getProperty(property, System.getenv(variable));
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    return exists(docker, localImage) ? Optional.of(localImage) : Optional.empty();
  }

  private static boolean exists(DockerClient docker, String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException absent) {
      return false;
    }
  }
}
