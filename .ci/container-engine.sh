#!/usr/bin/env bash
# Starts a private Docker engine for the container tests (GatewayContainerIT, the compose
# smoke) and builds, once, the two local images that stand in for the Dockerfile's upstream
# defaults where no registry can be reached: a slim Debian (BASE_IMAGE, for
# debian:bookworm-slim) and a JDK 17 with Maven built on it (BUILD_IMAGE, for
# maven:3.9-eclipse-temurin-17).
#
# Usage: .ci/container-engine.sh [start|stop|status]   (default: start)
#
# start  installs docker.io and debootstrap when missing, starts dockerd with its own data
#        root, exec root and socket under the cache dir (no iptables, no bridge: containers
#        use the host network), waits until it answers (at most 30 s), then builds the two
#        images unless the cached data root already holds them. Idempotent: a running engine
#        and an existing image are reused. Prints the variables a caller needs as `export`
#        lines on stdout (progress goes to stderr) and writes the same lines to
#        $CACHE_DIR/docker/env, so either `eval "$(.ci/container-engine.sh)"` or
#        `.ci/container-engine.sh && . /var/cache/lambda-gateway-ci/docker/env` works.
#        Exits non-zero, with the end of dockerd's log, when the engine cannot start.
# stop   stops that dockerd by its pid (local use; CI's processes end with the run).
# status exits 0 when the engine answers.
#
# Environment: LAMBDA_GATEWAY_CI_CACHE (default /var/cache/lambda-gateway-ci),
#              DEBIAN_MIRROR (default http://deb.debian.org/debian). Needs root.
set -euo pipefail

readonly CACHE_DIR="${LAMBDA_GATEWAY_CI_CACHE:-/var/cache/lambda-gateway-ci}"
readonly ENGINE_DIR="$CACHE_DIR/docker"
readonly SOCKET="$ENGINE_DIR/docker.sock"
readonly PID_FILE="$ENGINE_DIR/docker.pid"
readonly LOG_FILE="$ENGINE_DIR/dockerd.log"
readonly ENV_FILE="$ENGINE_DIR/env"
readonly BASE_IMAGE="lambda-gateway/debian-slim:bookworm"
readonly BUILD_IMAGE="lambda-gateway/build-jdk17:bookworm"
readonly BUILD_IMAGE_DOCKERFILE="$(cd "$(dirname "$0")" && pwd)/build-image.Dockerfile"
readonly DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
readonly READY_TIMEOUT_S=30
# Debian's client, the same release as its dockerd (another docker may come first on PATH).
readonly DOCKER_CLI=/usr/bin/docker

log() { echo "[container-engine] $*" >&2; }
fail() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
docker_cli() { DOCKER_HOST="unix://$SOCKET" "$DOCKER_CLI" "$@"; }
engine_answers() { [[ -S "$SOCKET" ]] && docker_cli version >/dev/null 2>&1; }

install_packages() {
  if command -v dockerd >/dev/null && [[ -x "$DOCKER_CLI" ]] \
    && command -v debootstrap >/dev/null; then
    log "docker.io and debootstrap already installed"
    return
  fi
  local started; started=$(now)
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || fail "apt-get update failed"
  apt-get install -y -qq --no-install-recommends docker.io debootstrap >&2 \
    || fail "apt-get install docker.io debootstrap failed"
  log "installed docker.io and debootstrap in $(since "$started")"
}

start_engine() {
  if engine_answers; then
    log "engine already running at unix://$SOCKET"
    return
  fi
  mkdir -p "$ENGINE_DIR/data" "$ENGINE_DIR/exec"
  rm -f "$SOCKET"
  local started; started=$(now)
  # setsid + nohup: dockerd outlives this script and ignores the caller's hang-up.
  setsid nohup dockerd \
    --data-root "$ENGINE_DIR/data" --exec-root "$ENGINE_DIR/exec" \
    --pidfile "$PID_FILE" -H "unix://$SOCKET" \
    --storage-driver=overlay2 --iptables=false --ip-masq=false --bridge=none \
    </dev/null >>"$LOG_FILE" 2>&1 &
  local dockerd_pid=$! deadline=$((SECONDS + READY_TIMEOUT_S))
  until engine_answers; do
    if ! kill -0 "$dockerd_pid" 2>/dev/null; then
      tail -n 30 "$LOG_FILE" >&2 || true
      fail "dockerd exited before answering (log: $LOG_FILE)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$LOG_FILE" >&2 || true
      fail "dockerd did not answer on unix://$SOCKET within ${READY_TIMEOUT_S} s (log: $LOG_FILE)"
    fi
    sleep 0.2
  done
  log "engine ready in $(since "$started") at unix://$SOCKET"
}

build_base_image() {
  if docker_cli image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "base image $BASE_IMAGE already in the cached data root"
    return
  fi
  local rootfs="$CACHE_DIR/rootfs" started; started=$(now)
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$DEBIAN_MIRROR" >&2 \
    || fail "debootstrap failed (see above)"
  log "debootstrap took $(since "$started")"
  slim_rootfs "$rootfs"
  local imported; imported=$(now)
  tar -C "$rootfs" -c . | docker_cli import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["bash"]' \
    - "$BASE_IMAGE" >/dev/null || fail "docker import of $BASE_IMAGE failed"
  rm -rf "$rootfs"
  log "imported $BASE_IMAGE ($(image_mb "$BASE_IMAGE") MB) in $(since "$imported")" \
    "(total $(since "$started"))"
}

# The JDK (jlink, jmods) and Maven for the Dockerfile's build stage, installed on the base.
build_build_image() {
  if docker_cli image inspect "$BUILD_IMAGE" >/dev/null 2>&1; then
    log "build image $BUILD_IMAGE already in the cached data root"
    return
  fi
  local started; started=$(now)
  DOCKER_BUILDKIT=1 docker_cli build --network host --quiet --tag "$BUILD_IMAGE" \
    --build-arg BASE_IMAGE="$BASE_IMAGE" --file "$BUILD_IMAGE_DOCKERFILE" \
    "$(dirname "$BUILD_IMAGE_DOCKERFILE")" >/dev/null || fail "docker build of $BUILD_IMAGE failed"
  log "built $BUILD_IMAGE ($(image_mb "$BUILD_IMAGE") MB) in $(since "$started")"
}

image_mb() {
  docker_cli image inspect --format '{{.Size}}' "$1" | awk '{ printf "%.1f", $1 / 1e6 }'
}

# Drops what a runtime image never reads: package caches and lists, docs, man pages and
# message translations, as Debian's own slim images do.
slim_rootfs() {
  local rootfs="$1"
  chroot "$rootfs" apt-get clean
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
    "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log \
    "$rootfs"/var/cache/debconf/*-old
}

write_env() {
  cat >"$ENV_FILE" <<EOF
export DOCKER_HOST=unix://$SOCKET
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
export LAMBDA_GATEWAY_SLIM_BASE_IMAGE=$BASE_IMAGE
export LAMBDA_GATEWAY_BUILD_IMAGE=$BUILD_IMAGE
EOF
  cat "$ENV_FILE"
}

stop_engine() {
  if [[ ! -f "$PID_FILE" ]]; then
    log "no pid file at $PID_FILE: engine not running"
    return
  fi
  local pid; pid=$(cat "$PID_FILE")
  if kill "$pid" 2>/dev/null; then
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null; do
      ((SECONDS < deadline)) || fail "dockerd ($pid) still running 20 s after SIGTERM"
      sleep 0.2
    done
  fi
  rm -f "$PID_FILE" "$SOCKET"
  log "engine stopped"
}

main() {
  case "${1:-start}" in
    start)
      [[ $EUID -eq 0 ]] || fail "must run as root (installs packages, starts dockerd)"
      local started; started=$(now)
      install_packages
      start_engine
      build_base_image
      build_build_image
      write_env
      log "done in $(since "$started")"
      ;;
    stop) stop_engine ;;
    status) engine_answers ;;
    *) fail "usage: $0 [start|stop|status]" ;;
  esac
}

main "$@"
