# The Lambda gateway as a container image: a Java runtime cut to the modules the launcher uses
# (jlink) on a slim Debian, the broker-free launcher jar, a non-root user.
#
#   docker build -t lambda-gateway .                  # clean clone: Maven runs in the build stage
#   docker run --rm -p 127.0.0.1:8080:8080 -e ENRICHER_PUBLIC_IP=203.0.113.7 lambda-gateway
#
# The image runs the subcommands gateway (default), pipeline, produce and consume
# (`docker run lambda-gateway pipeline ...`). `broker` and the embedded broker of `demo` need the
# Kafka server, which only the `broker` target carries (`--target broker`, CMD broker).
#
# Build arguments (see docs/container.md):
#   BUILD_IMAGE  a JDK 17 (jlink and its jmods) with Maven; Maven runs only when the build context
#                lacks app/target/lambda-gateway-slim.jar (offline path: `mvn package` on the
#                host first, then a local JDK image, e.g. the one .ci/container-engine.sh makes)
#   BASE_IMAGE   the runtime's base: glibc and bash (for the health check); no Java needed
#   JAVA_MODULES the runtime's modules
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG BASE_IMAGE=debian:bookworm-slim

FROM ${BUILD_IMAGE} AS build
# `jdeps --print-module-deps` on the slim jar, minus java.desktop (java.beans, which Jackson and
# Micrometer only probe for) and java.compiler (Vert.x's source-verticle compiler), plus
# jdk.crypto.ec (ECDHE and EC certificates for TLS: AWS, a SASL_SSL Kafka) and jdk.naming.dns
# (Netty's DNS resolver falls back to it). The broker target uses the same runtime.
ARG JAVA_MODULES=java.base,java.naming,java.net.http,java.security.jgss,java.security.sasl,java.sql,jdk.jfr,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.naming.dns
WORKDIR /src
COPY . .
# Maven only when the jar was not built on the host (without its class-data archive: the gateway
# stage writes the one for its own runtime); the full jar (with the broker) is kept for
# the broker target when there is one.
RUN set -eu; \
    if [ -f app/target/lambda-gateway-slim.jar ]; then \
      echo "using the prebuilt app/target/lambda-gateway-slim.jar"; \
    else \
      mvn -B -q -pl app -am package -DskipTests -Dexec.skip; \
    fi; \
    mkdir -p /out/slim /out/full; \
    cp app/target/lambda-gateway-slim.jar /out/slim/lambda-gateway.jar; \
    if [ -f app/target/lambda-gateway.jar ]; then cp app/target/lambda-gateway.jar /out/full/; fi
RUN jlink --add-modules "${JAVA_MODULES}" --strip-debug --no-man-pages --no-header-files \
      --compress=2 --output /out/java

# What both targets share: the runtime and the unprivileged user.
FROM ${BASE_IMAGE} AS runtime
# A fixed, unprivileged uid/gid, so volume permissions and `USER` checks are predictable.
# useradd is missing from some slim bases; a passwd/group entry is all the JVM needs.
ARG APP_UID=10001
RUN set -eu; \
    if command -v useradd >/dev/null 2>&1; then \
      groupadd --gid "${APP_UID}" app; \
      useradd --uid "${APP_UID}" --gid app --home-dir /app --no-create-home --no-log-init \
        --shell /usr/sbin/nologin app; \
    else \
      echo "app:x:${APP_UID}:" >> /etc/group; \
      echo "app:x:${APP_UID}:${APP_UID}:Lambda gateway:/app:/usr/sbin/nologin" >> /etc/passwd; \
    fi; \
    mkdir -p /app
# Root owns the runtime and the jar: the app user can run them but not rewrite them.
COPY --from=build /out/java /opt/java
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8
# The runtime's own class-data archive (lib/server/classes.jsa, from jlink's lib/classlist), which
# JDK 17's jlink does not write: the JDK's classes are mapped at start instead of read and
# verified, and the gateway's archive below builds on it. Here, not in the build stage: an
# archive is valid only for the runtime at the path it was written with.
RUN java -Xshare:dump -Xlog:cds=off
WORKDIR /app
# Exec form: java is PID 1 and receives SIGTERM from `docker stop` directly; the JVM runs its
# shutdown hooks (the launcher closes Vert.x or the broker) and exits. Java spawns no children,
# so no init process is needed to reap zombies (`docker run --init` adds one if wanted).
# Heap follows the container's memory limit; an OOM ends the process so the engine restarts it.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
  "-jar", "/app/lambda-gateway.jar"]

# The Kafka stand-in for docker-compose.yml where apache/kafka cannot be pulled: the full jar
# and `broker` bound to every interface, its data in the volume /var/lib/kafka.
FROM runtime AS broker
COPY --from=build /out/full/ /app/
ARG APP_UID=10001
RUN mkdir -p /var/lib/kafka && chown "${APP_UID}:${APP_UID}" /var/lib/kafka
VOLUME /var/lib/kafka
ENV BROKER_HOST=0.0.0.0 \
    BROKER_PORT=9092 \
    BROKER_DATA_DIR=/var/lib/kafka \
    BROKER_READY_FILE=/tmp/broker.ready
USER ${APP_UID}:${APP_UID}
EXPOSE 9092
# The subcommand writes the file once it serves and its BROKER_TOPICS exist.
HEALTHCHECK --interval=2s --timeout=2s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "test -f \"$BROKER_READY_FILE\""]
CMD ["broker"]

# The default target: the gateway image, with the broker-free jar.
FROM runtime AS gateway
LABEL org.opencontainers.image.title="lambda-gateway" \
      org.opencontainers.image.description="Lambda Invoke API and function URLs, with the enricher"
COPY --from=build /out/slim/lambda-gateway.jar /app/lambda-gateway.jar
# The class-data archive of this jar's gateway start (docs/container.md#start-time): a training run
# with the ENTRYPOINT's flags on a loopback port, one enricher call. It must succeed: the image is
# built once and started many times. A start ignores an archive that no longer fits the jar or the
# runtime, silently (-Xlog:cds=off,cds+dynamic=off keeps one-line errors one line).
RUN java -cp /app/lambda-gateway.jar io.lambdagateway.app.startup.ArchiveTrainingRun \
      /app/lambda-gateway.jar /app/lambda-gateway.jsa \
      -XX:+UseSerialGC -Xmx160m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError
# Every interface on purpose, unlike the jar's 127.0.0.1 default: inside a container only the
# container's own interfaces exist, and `-p 127.0.0.1:8080:8080` decides who reaches it.
# Bounded memory, whatever the container's limit (RSS under sustained c=16 load ≤ 300 MB; see
# docs/container.md and bench/memory): the serial collector (2 cores, a small heap: no concurrent
# GC threads or region bookkeeping) with a fixed heap cap, and a cap on Netty's direct buffers.
# On the command line, not in JAVA_TOOL_OPTIONS: the JVM announces that variable on stderr, which
# would break every subcommand's one-line errors. `--entrypoint java` with other flags replaces them.
ENV GATEWAY_HOST=0.0.0.0 \
    GATEWAY_PORT=8080 \
    GATEWAY_FUNCTION_NAME=enricher
ARG APP_UID=10001
USER ${APP_UID}:${APP_UID}
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xmx160m", "-XX:MaxDirectMemorySize=64m", \
  "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=/app/lambda-gateway.jsa", \
  "-Xlog:cds=off,cds+dynamic=off", "-jar", "/app/lambda-gateway.jar"]
# No curl or wget in slim bases, and a Java probe would start a second JVM per check: bash's
# /dev/tcp sends one HTTP request and checks the status line. A wildcard bind is probed on
# loopback, any other GATEWAY_HOST on that address.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD ["bash", "-c", "\
  host=${GATEWAY_HOST:-127.0.0.1}; [ \"$host\" = 0.0.0.0 ] && host=127.0.0.1; \
  exec 3<>/dev/tcp/$host/${GATEWAY_PORT:-8080} && \
  printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && \
  read -r version status rest <&3 && [ \"$status\" = 200 ]"]
CMD ["gateway"]
