#!/usr/bin/env bash
# Bounded memory in the container (issue 10): the gateway image as the Dockerfile builds it, run
# with a 512 MB memory limit; start to healthy, then sustained c=16 load on the enricher's route
# with the ~100 KB and the ~1 MB batch: req/s, p99, the JVM's largest RSS and the container's
# largest memory use (cgroup, page cache included).
#
#   eval "$(.ci/container-engine.sh)"          # a Docker engine and the local base/build images
#   mvn -B -q -o -pl app -am package -DskipTests
#   bench/memory/container.sh                  # DURATION=10 WARMUP=5, about 2 minutes
#
# Uses the engine of DOCKER_HOST; LAMBDA_GATEWAY_SLIM_BASE_IMAGE / LAMBDA_GATEWAY_BUILD_IMAGE
# (set by .ci/container-engine.sh) replace the Dockerfile's upstream images when set. Host
# network, loopback only; the container is removed on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT="${PORT:-18581}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-5}"
MEMORY="${MEMORY:-512m}"
IMAGE="${IMAGE:-lambda-gateway-bench:memory}"
# Debian's client matches .ci/container-engine.sh's dockerd and has BuildKit; another may come first.
DOCKER="${DOCKER:-$(command -v /usr/bin/docker || command -v docker)}"
WORK="$(mktemp -d)"
CONTAINER=""

cleanup() {
  [[ -n "$CONTAINER" ]] && "$DOCKER" rm -f "$CONTAINER" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f "$ROOT/app/target/lambda-gateway-slim.jar" ]] ||
  { echo "missing app/target/lambda-gateway-slim.jar: mvn -pl app -am package first" >&2; exit 1; }
"$DOCKER" version >/dev/null 2>&1 || { echo "no Docker engine answers (DOCKER_HOST)" >&2; exit 1; }

build_args=()
[[ -n "${LAMBDA_GATEWAY_SLIM_BASE_IMAGE:-}" ]] &&
  build_args+=(--build-arg "BASE_IMAGE=$LAMBDA_GATEWAY_SLIM_BASE_IMAGE")
[[ -n "${LAMBDA_GATEWAY_BUILD_IMAGE:-}" ]] &&
  build_args+=(--build-arg "BUILD_IMAGE=$LAMBDA_GATEWAY_BUILD_IMAGE")
DOCKER_BUILDKIT=1 "$DOCKER" build -q --network host "${build_args[@]}" -t "$IMAGE" "$ROOT" >/dev/null

python3 "$ROOT/bench/gateway/make_batch.py" 10 45 "$WORK/small.json"
python3 "$ROOT/bench/gateway/make_batch.py" 100 45 "$WORK/1mb.json"

t0=$(date +%s%N)
CONTAINER=$("$DOCKER" run -d --network host --memory "$MEMORY" -e GATEWAY_HOST=127.0.0.1 \
  -e GATEWAY_PORT="$PORT" -e ENRICHER_PUBLIC_IP=203.0.113.7 "$IMAGE")
for _ in $(seq 1 3000); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break
  sleep 0.01
done
t1=$(date +%s%N)
curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" || { "$DOCKER" logs "$CONTAINER"; exit 1; }
JAVA_PID=$("$DOCKER" inspect -f '{{.State.Pid}}' "$CONTAINER")

rss_mb() { echo $(($(ps -o rss= -p "$JAVA_PID" | tr -d ' ') / 1024)); }
cgroup_mb() {
  "$DOCKER" stats --no-stream --format '{{.MemUsage}}' "$CONTAINER" |
    awk '{ v = $1; if (v ~ /GiB$/) v *= 1024; printf "%d", v + 0 }'
}

# load BATCH SECONDS -> "req/s p99 max_rss_mb max_cgroup_mb non2xx"
load() {
  BATCH="$1" wrk -t2 -c16 -d"$2s" --timeout 30s --latency -s "$ROOT/bench/gateway/post.lua" \
    "http://127.0.0.1:$PORT/enricher?integration=raw" >"$WORK/wrk.out" 2>&1 &
  local wrk_pid=$! rss cg max_rss=0 max_cg=0
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(rss_mb) cg=$(cgroup_mb)
    ((rss > max_rss)) && max_rss=$rss
    ((cg > max_cg)) && max_cg=$cg
    sleep 0.5
  done
  wait "$wrk_pid"
  echo "$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.out")" \
    "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")" "$max_rss" "$max_cg" \
    "$(awk -F= '/^non2xx=/ {print $2}' "$WORK/wrk.out")"
}

echo "container memory: $(date -u +%FT%TZ), $(nproc) cores, limit $MEMORY, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "the image's entrypoint: $("$DOCKER" inspect -f '{{join .Config.Entrypoint " "}}' "$IMAGE")"
echo "start to healthy: $(((t1 - t0) / 1000000)) ms (docker run to the first 200 of /health); idle RSS $(rss_mb) MB, container $(cgroup_mb) MB"
printf '%-6s %9s %10s %8s %13s %6s\n' batch "req/s" p99 "max RSS" "max cgroup" non2xx
for batch in small 1mb; do
  load "$WORK/$batch.json" "$WARMUP" >/dev/null
  read -r rps p99 rss cg bad < <(load "$WORK/$batch.json" "$DURATION")
  printf '%-6s %9s %10s %8s %13s %6s\n' "$batch" "$rps" "$p99" "$rss" "$cg" "${bad:-?}"
done
echo "OOM-killed: $("$DOCKER" inspect -f '{{.State.OOMKilled}}' "$CONTAINER"); load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
