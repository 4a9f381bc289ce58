#!/usr/bin/env bash
# Bounded memory (issue 10): the gateway jar under JVM flag candidates, one after the other in
# one run: start to healthy, idle RSS, then sustained c=16 load on the enricher's route with the
# 10-record (~100 KB) and the 100-record (~1 MB) batch: req/s, p99 and the largest RSS.
#
#   bench/memory/run.sh                 # DURATION=10 WARMUP=5 STARTS=3, about 3 minutes
#   CANDIDATES="launch serial" bench/memory/run.sh
#   BEFORE_JAR=/tmp/main.jar CANDIDATES="before no-cds launch" STARTS_ONLY=true bench/memory/run.sh
#
# Builds nothing: expects app/target/lambda-gateway.jar and its class-data archive
# lambda-gateway.jsa (mvn -pl app -am package), or JAR=.... `launch` is the documented launch, with
# the archive; `no-cds` the same flags without it; `before` the same flags on BEFORE_JAR (an
# earlier build, e.g. main's). STARTS_ONLY=true reports the start columns only (no load).
# Loopback only; each candidate's gateway is stopped before the next starts.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="${JAR:-$ROOT/app/target/lambda-gateway.jar}"
PORT="${PORT:-18381}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-5}"
STARTS="${STARTS:-3}"
WORK="$(mktemp -d)"
GATEWAY_PID=""

# The documented launch's flags (README, the gateway image's ENTRYPOINT) are the "launch" candidate.
# shellcheck source=jvm-flags.sh
. "$ROOT/bench/memory/jvm-flags.sh"
declare -A FLAGS=(
  [default]=""
  [launch]="$LAUNCH_JVM_FLAGS $(launch_archive_flags "$JAR")"
  [no-cds]="$LAUNCH_JVM_FLAGS"
  [before]="$LAUNCH_JVM_FLAGS"
  [serial]="-XX:+UseSerialGC -Xmx160m $BOUNDED_OFF_HEAP"
  [g1]="-XX:+UseG1GC -Xms160m -Xmx160m $BOUNDED_OFF_HEAP"
)
CANDIDATES="${CANDIDATES:-default launch serial g1}"
STARTS_ONLY="${STARTS_ONLY:-false}"
# the jar each candidate runs
jar_of() { if [[ "$1" == before ]]; then echo "${BEFORE_JAR:?set BEFORE_JAR to an earlier build of the jar}"; else echo "$JAR"; fi; }

stop_gateway() {
  if [[ -n "$GATEWAY_PID" ]]; then
    kill "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
    GATEWAY_PID=""
  fi
}
cleanup() { stop_gateway; rm -rf "$WORK"; }
trap cleanup EXIT

[[ -f "$JAR" ]] || { echo "missing $JAR: run mvn -pl app -am package first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found: run bench/tools.sh" >&2; exit 1; }

# start FLAGS [JAR]: sets GATEWAY_PID, STARTUP_MS (milliseconds from launch to the first 200 of
# /health) and STARTUP_CPU_MS (the CPU the JVM used until then: on a loaded machine the wall time
# mostly measures the others, the CPU time much less)
start() {
  local t0 t1
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # the flags are words
  GATEWAY_HOST=127.0.0.1 GATEWAY_PORT="$PORT" ENRICHER_PUBLIC_IP=203.0.113.7 \
    java $1 -jar "${2:-$JAR}" gateway >"$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  for _ in $(seq 1 1500); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; then
      t1=$(date +%s%N)
      STARTUP_MS=$(((t1 - t0) / 1000000))
      STARTUP_CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz }' "/proc/$GATEWAY_PID/stat")
      return
    fi
    kill -0 "$GATEWAY_PID" 2>/dev/null || break
    sleep 0.01
  done
  cat "$WORK/gateway.log" >&2
  exit 1
}

rss_mb() { echo $(($(ps -o rss= -p "$GATEWAY_PID" | tr -d ' ') / 1024)); }

# load BATCH SECONDS -> "req/s p99 max_rss_mb non2xx"
load() {
  BATCH="$1" wrk -t2 -c16 -d"$2s" --timeout 30s --latency -s "$ROOT/bench/gateway/post.lua" \
    "http://127.0.0.1:$PORT/enricher?integration=raw" >"$WORK/wrk.out" 2>&1 &
  local wrk_pid=$! max=0 rss
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(rss_mb)
    ((rss > max)) && max=$rss
    sleep 0.5
  done
  wait "$wrk_pid"
  echo "$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.out") \
$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out") $max \
$(awk -F= '/^non2xx=/ {print $2}' "$WORK/wrk.out")"
}

python3 "$ROOT/bench/gateway/make_batch.py" 10 45 "$WORK/small.json"
python3 "$ROOT/bench/gateway/make_batch.py" 100 45 "$WORK/1mb.json"

echo "bounded memory: $(date -u +%FT%TZ), $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(java -version 2>&1 | head -1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); c=16, ${DURATION}s per batch after ${WARMUP}s of warm-up each"
for name in $CANDIDATES; do echo "  $name: ${FLAGS[$name]:-(no flags)} -jar $(jar_of "$name")"; done
printf '%-8s %22s %8s %8s %10s %9s %8s %10s %9s %8s %8s %6s\n' candidate "start ms (best: runs)" "cpu ms" "idle MB" \
  "100KB r/s" "p99" "max MB" "1MB r/s" "p99" "max MB" "end MB" non2xx
for name in $CANDIDATES; do
  starts=() cpus=()
  for _ in $(seq 1 "$STARTS"); do
    start "${FLAGS[$name]}" "$(jar_of "$name")"
    starts+=("$STARTUP_MS")
    cpus+=("$STARTUP_CPU_MS")
    idle=$(rss_mb)
    stop_gateway
  done
  best=$(printf '%s\n' "${starts[@]}" | sort -n | head -1)
  best_cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | head -1)
  if [[ "$STARTS_ONLY" == true ]]; then
    printf '%-8s %22s %8s %8s\n' "$name" "$best ($(IFS=/; echo "${starts[*]}"))" "$best_cpu" "$idle"
    continue
  fi
  start "${FLAGS[$name]}" "$(jar_of "$name")"
  load "$WORK/small.json" "$WARMUP" >/dev/null
  read -r small_rps small_p99 small_max small_bad < <(load "$WORK/small.json" "$DURATION")
  load "$WORK/1mb.json" "$WARMUP" >/dev/null
  read -r big_rps big_p99 big_max big_bad < <(load "$WORK/1mb.json" "$DURATION")
  end=$(rss_mb)
  stop_gateway
  printf '%-8s %22s %8s %8s %10s %9s %8s %10s %9s %8s %8s %6s\n' "$name" \
    "$best ($(IFS=/; echo "${starts[*]}"))" "$best_cpu" "$idle" "$small_rps" "$small_p99" "$small_max" \
    "$big_rps" "$big_p99" "$big_max" "$end" "$((small_bad + big_bad))"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
