#!/usr/bin/env bash
# Runs docker-compose.yml for real on the private engine: builds the app image and the broker
# stand-in from the Dockerfile (offline path: the jars `mvn package` made, the local base and
# build images), `up -d` with Debian's docker-compose, waits until enriched rows reach the
# target topic, then `down -v`. Exits non-zero when the rows do not arrive in time.
#
# Usage: .ci/compose-smoke.sh   (after `mvn package` and with the exports of
#                                .ci/container-engine.sh: DOCKER_HOST, LAMBDA_GATEWAY_*_IMAGE)
#
# The engine has no bridge network, so .ci/compose.ci.yml puts every service on the host
# network, on free ports picked here; the published ports of docker-compose.yml are dropped
# from the merged file (docker-compose refuses them in host mode), nothing else is changed. Images, containers and the compose project carry this
# run's id and are removed at the end. Installs docker-compose and kcat when missing (root).
# Environment: COMPOSE_SMOKE_TIMEOUT_S (default 180), the longest wait for enriched rows.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly TIMEOUT_S="${COMPOSE_SMOKE_TIMEOUT_S:-180}"
# Debian's client, the same release as the engine (another docker may come first on PATH).
readonly DOCKER_CLI=/usr/bin/docker
readonly RUN_ID="smoke-$$"
readonly PROJECT="lgw-$RUN_ID"
readonly APP_IMAGE="lambda-gateway-ci:$RUN_ID"
readonly BROKER_IMAGE="lambda-gateway-ci-broker:$RUN_ID"
# TEST-NET-3 (RFC 5737): the enricher writes it into every row's ip column.
readonly PUBLIC_IP=203.0.113.7

log() { echo "[compose-smoke] $*" >&2; }
fail() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

install_packages() {
  if command -v docker-compose >/dev/null && command -v kcat >/dev/null; then
    return
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || fail "apt-get update failed"
  apt-get install -y -qq --no-install-recommends docker-compose kcat >&2 \
    || fail "apt-get install docker-compose kcat failed"
  log "installed docker-compose and kcat"
}

# A port nothing listens on now; the services bind it a few seconds later.
free_port() {
  local port attempt
  for attempt in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "no free port found"
}

build_images() {
  local started; started=$(now)
  local args=(--network host --quiet
    --build-arg "BASE_IMAGE=${LAMBDA_GATEWAY_SLIM_BASE_IMAGE:?run .ci/container-engine.sh}"
    --build-arg "BUILD_IMAGE=${LAMBDA_GATEWAY_BUILD_IMAGE:?run .ci/container-engine.sh}")
  DOCKER_BUILDKIT=1 "$DOCKER_CLI" build "${args[@]}" --target gateway --tag "$APP_IMAGE" . \
    >/dev/null || fail "building $APP_IMAGE failed"
  DOCKER_BUILDKIT=1 "$DOCKER_CLI" build "${args[@]}" --target broker --tag "$BROKER_IMAGE" . \
    >/dev/null || fail "building $BROKER_IMAGE failed"
  log "built $APP_IMAGE and $BROKER_IMAGE in $(since "$started")"
}

# docker-compose.yml with the CI override, without published ports, variables left for `up`.
write_ci_compose_file() {
  docker-compose --file docker-compose.yml --file .ci/compose.ci.yml config --no-interpolate \
    | python3 -c '
import sys, yaml
compose = yaml.safe_load(sys.stdin)
for service in compose["services"].values():
    service.pop("ports", None)
yaml.safe_dump(compose, sys.stdout, sort_keys=False)' >"$COMPOSE_FILE" \
    || fail "cannot merge docker-compose.yml with .ci/compose.ci.yml"
}

compose() {
  docker-compose --project-name "$PROJECT" --file "$COMPOSE_FILE" "$@"
}

cleanup() {
  local status=$?
  if ((status != 0)); then
    compose ps >&2 || true
    compose logs --no-color --tail 40 >&2 || true
  fi
  compose down --volumes --remove-orphans >/dev/null 2>&1 || log "compose down failed"
  "$DOCKER_CLI" rmi "$APP_IMAGE" "$BROKER_IMAGE" >/dev/null 2>&1 || true
  rm -f "$COMPOSE_FILE"
  exit "$status"
}

# Enriched rows on the target topic, read by an independent client (kcat), from the start.
enriched_rows() {
  kcat -b "127.0.0.1:$CI_KAFKA_PORT" -C -t target-topic -o beginning -e -q 2>/dev/null \
    | grep -c "$PUBLIC_IP" || true
}

# Rows of the target topic that the stack's own consumer service printed.
printed_rows() {
  compose logs --no-color consumer 2>/dev/null | grep -c "$PUBLIC_IP" || true
}

await_enriched_rows() {
  local started; started=$(now)
  local deadline=$((SECONDS + TIMEOUT_S)) rows=0 printed=0
  until ((rows > 0 && printed > 0)); do
    ((SECONDS < deadline)) || fail "within ${TIMEOUT_S} s: $rows enriched rows on target-topic" \
      "(kcat), $printed printed by the consumer service"
    sleep 2
    rows=$(enriched_rows)
    printed=$(printed_rows)
  done
  log "$rows enriched rows on target-topic (kcat), $printed printed by the consumer service," \
    "$(since "$started") after up"
}

main() {
  [[ -n "${DOCKER_HOST:-}" ]] || fail "DOCKER_HOST unset: source the env of .ci/container-engine.sh"
  [[ -f app/target/lambda-gateway-slim.jar && -f app/target/lambda-gateway.jar ]] \
    || fail "run \`mvn package\` first: the images are built from app/target's jars"
  local started; started=$(now)
  install_packages
  build_images
  CI_KAFKA_PORT=$(free_port) CI_GATEWAY_PORT=$(free_port) CI_PIPELINE_PORT=$(free_port)
  export CI_KAFKA_PORT CI_GATEWAY_PORT CI_PIPELINE_PORT
  export LAMBDA_GATEWAY_IMAGE="$APP_IMAGE" KAFKA_IMAGE="$BROKER_IMAGE"
  export ENRICHER_PUBLIC_IP="$PUBLIC_IP"
  # docker-compose.yml has no default token: a fresh one per run, as a user would make one.
  GATEWAY_AUTH_TOKEN="smoke-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  export GATEWAY_AUTH_TOKEN
  COMPOSE_FILE=$(mktemp --suffix=.compose.yml)
  trap cleanup EXIT
  write_ci_compose_file
  local up; up=$(now)
  compose up --detach --no-build >&2 || fail "compose up failed"
  log "compose up (kafka on $CI_KAFKA_PORT, gateway on $CI_GATEWAY_PORT) took $(since "$up")"
  await_enriched_rows
  compose down --volumes --remove-orphans >/dev/null 2>&1 || fail "compose down failed"
  log "passed in $(since "$started")"
}

main "$@"
