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
 * The gateway image as users build it: the repository's root Dockerfile, with a build context
 * of the Dockerfile and the shaded jar only (what the root .dockerignore lets through).
 *
 * <p>The base image is, in order: {@code -Dlambda.gateway.baseImage} or the
 * {@code LAMBDA_GATEWAY_BASE_IMAGE} variable; else the local image that
 * {@code .ci/container-engine.sh} makes, when the engine holds it (no registry is needed);
 * else the Dockerfile's own default, pulled from the registry. The build runs in the host
 * network so that an engine without a bridge can build. The caller removes the image with
 * {@link #remove}: with Ryuk disabled, Testcontainers' delete-on-exit left images behind.
 *
 * @param name the built image's name
 * @param baseImage the image the Dockerfile started from
 * @param jarBytes the size of the jar copied into the image
 * @param buildTime how long the build took
 */
record GatewayImage(String name, String baseImage, long jarBytes, Duration buildTime) {
  /** Made by .ci/container-engine.sh from Debian's packages. */
  static final String LOCAL_BASE_IMAGE = "lambda-gateway/base-jre17:bookworm";
  /** The Dockerfile's {@code ARG BASE_IMAGE} default; used only to measure the added layers. */
  static final String DOCKERFILE_BASE_IMAGE = "eclipse-temurin:17-jre";
  private static final String JAR = "app/target/lambda-gateway.jar";
  private static final Logger LOG = LoggerFactory.getLogger(GatewayImage.class);

  /** Builds the image from the repository root found above this module's directory. */
  static GatewayImage build(DockerClient docker) throws IOException {
    Path root = repositoryRoot();
    Path jar = root.resolve(JAR);
    assertThat(jar).as("the shaded jar, made by `mvn package`").isRegularFile();
    Optional<String> baseOverride = baseImageOverride(docker);
    ImageFromDockerfile image = new ImageFromDockerfile("lambda-gateway-it", false)
        .withFileFromPath("Dockerfile", root.resolve("Dockerfile"))
        .withFileFromPath(JAR, jar)
        .withBuildImageCmdModifier(cmd -> cmd.withNetworkMode("host"));
    baseOverride.ifPresent(base -> image.withBuildArg("BASE_IMAGE", base));
    long started = System.nanoTime();
    String name = image.get();
    Duration buildTime = Duration.ofNanos(System.nanoTime() - started);
    String base = baseOverride.orElse(DOCKERFILE_BASE_IMAGE);
    LOG.info("built {} from {} in {} ms", name, base, buildTime.toMillis());
    return new GatewayImage(name, base, Files.size(jar), buildTime);
  }

  /** Bytes the Dockerfile's own steps add on top of the base image. */
  long addedBytes(DockerClient docker) {
    return sizeOf(docker, name) - sizeOf(docker, baseImage);
  }

  long totalBytes(DockerClient docker) {
    return sizeOf(docker, name);
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

  private static Optional<String> baseImageOverride(DockerClient docker) {
    String configured = System.getProperty("lambda.gateway.baseImage",
        System.getenv("LAMBDA_GATEWAY_BASE_IMAGE"));
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    return exists(docker, LOCAL_BASE_IMAGE) ? Optional.of(LOCAL_BASE_IMAGE) : Optional.empty();
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
