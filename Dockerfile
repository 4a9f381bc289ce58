# The Lambda gateway as a container image. Build-then-copy: the jar comes from the host build.
#
#   mvn -B package -DskipTests
#   docker build -t lambda-gateway .
#   docker run --rm -p 8080:8080 -e ENRICHER_PUBLIC_IP=203.0.113.7 lambda-gateway
#
# Other launcher subcommands are one argument away (`docker run lambda-gateway pipeline ...`).
# BASE_IMAGE is any image with a Java 17+ runtime on the PATH and bash (for the health check).
# Offline builds pass a local one: --build-arg BASE_IMAGE=lambda-gateway/base-jre17:bookworm
# (made by .ci/container-engine.sh).
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="lambda-gateway" \
      org.opencontainers.image.description="Lambda Invoke API and function URLs, with the enricher"

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

# Root owns the jar: the app user can run it but not rewrite it.
COPY app/target/lambda-gateway.jar /app/lambda-gateway.jar

ENV GATEWAY_HOST=0.0.0.0 \
    GATEWAY_PORT=8080 \
    GATEWAY_FUNCTION_NAME=enricher

USER ${APP_UID}:${APP_UID}
WORKDIR /app
EXPOSE 8080

# No curl or wget in slim bases, and a Java probe would start a second JVM per check: bash's
# /dev/tcp sends one HTTP request and checks the status line. A wildcard bind is probed on
# loopback, any other GATEWAY_HOST on that address.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD ["bash", "-c", "\
  host=${GATEWAY_HOST:-0.0.0.0}; [ \"$host\" = 0.0.0.0 ] && host=127.0.0.1; \
  exec 3<>/dev/tcp/$host/${GATEWAY_PORT:-8080} && \
  printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && \
  read -r version status rest <&3 && [ \"$status\" = 200 ]"]

# Exec form: java is PID 1 and receives SIGTERM from `docker stop` directly; the JVM runs its
# shutdown hooks (the launcher closes Vert.x) and exits. Java spawns no children, so no init
# process is needed to reap zombies (`docker run --init` adds one if wanted).
# Heap follows the container's memory limit; an OOM ends the process so the engine restarts it.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
  "-jar", "/app/lambda-gateway.jar"]
CMD ["gateway"]
