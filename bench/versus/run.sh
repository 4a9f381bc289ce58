#!/usr/bin/env bash
# The gateway's built-in Java enricher side by side, in one run (issue 10, "Benchmarks"):
#
#  a. against serverless-offline 13 running the Node port of the same function
#     (examples/node-enricher/main.js behind bench/functions/serverless.yml's httpApi route);
#  b. against the HTTP floor: the gateway's POST /bench/answer, which sends the enricher's own
#     answer for the same request, computed once (GATEWAY_BENCH_ECHO=true).
#
# Both at c=1 and c=16 with the 10-record (~100 KB) and the 100-record (~1 MB) batch of
# bench/gateway/make_batch.py; req/s, p50/p99, RSS of each server's process tree. The gateway runs
# with the documented launch's JVM flags (bench/memory/jvm-flags.sh). Loopback only; each side's
# server is stopped before the other starts. About 10 minutes with the defaults:
#
#   bench/versus/run.sh      # DURATION=10 WARMUP=20 MAX_WARMUP=120 QUIET_JIT_MS=50 SLS_WARMUP=5
#
# Each measured gateway run follows warm-up traffic of the same kind: at least WARMUP seconds, then
# 5 s slices until the gateway's JIT compiler threads used at most QUIET_JIT_MS of CPU in one (at
# most MAX_WARMUP seconds in all); the table gives each run's warm-up. Why: a gateway serves for
# hours, so its steady state is what the ratios are about. A fresh JVM kept speeding up for 20–30 s
# (consecutive 10 s windows of c=16 on the small batch: the enricher route 2,808, 4,693, 4,876
# req/s, the floor 5,378, 6,892, 7,371; 2026-12-03), and the rule took 25–35 s where a fixed 20 s
# was used before; the c=1 ratios, measured first, rose from 0.46–0.52 to 0.65–0.68 with it.
# serverless-offline keeps a fixed 5 s: with 20 s its process tree grew to 4.6 GB at the 1 MB batch
# and c=16 and aborted.
#   SLS_DIR=/path/with/node_modules bench/versus/run.sh   # reuse an install of serverless-offline
#
# Builds nothing: expects app/target/lambda-gateway.jar (mvn -pl app -am package), or JAR=....
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/functions"
JAR="${JAR:-$ROOT/app/target/lambda-gateway.jar}"
ENRICHER_CODE="$ROOT/examples/node-enricher"
GATEWAY_PORT="${GATEWAY_PORT:-18481}"
SLS_PORT="${SLS_PORT:-18483}"
SLS_LAMBDA_PORT="${SLS_LAMBDA_PORT:-18484}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-20}"
MAX_WARMUP="${MAX_WARMUP:-120}"
QUIET_JIT_MS="${QUIET_JIT_MS:-50}"
SLS_WARMUP="${SLS_WARMUP:-5}"
WORK="$(mktemp -d)"
STARTED=()

# shellcheck source=../functions/process-tree.sh
. "$HERE/process-tree.sh"
# shellcheck source=../functions/serverless-offline.sh
. "$HERE/serverless-offline.sh"
# shellcheck source=../memory/jvm-flags.sh
. "$ROOT/bench/memory/jvm-flags.sh"

stop_tree() {
  local pid=$1 kids
  kids=$(descendants "$pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for kid in $kids; do kill -9 "$kid" 2>/dev/null || true; done
}
cleanup() {
  for pid in "${STARTED[@]}"; do stop_tree "$pid"; done
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_http() {
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "nothing answers at $1" >&2
  return 1
}

to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0
    else if (v ~ /s$/) printf "%.2f", v * 1000; else print "-" }'
}

# measure URL BODY CONNS SECONDS ROOT_PID -> "req/s p50_ms p99_ms rss_max_mb non2xx timeouts"
measure() {
  local url=$1 body=$2 conns=$3 seconds=$4 root=$5 threads=1
  ((conns > 1)) && threads=2
  BATCH="$body" wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 30s --latency \
    -s "$ROOT/bench/gateway/post.lua" "$url" >"$WORK/wrk.out" 2>&1 &
  local wrk_pid=$! max=0 rss n
  while kill -0 "$wrk_pid" 2>/dev/null; do
    read -r rss n < <(tree_rss "$root")
    ((rss > max)) && max=$rss
    sleep 0.5
  done
  wait "$wrk_pid"
  local timeouts
  timeouts=$(grep -o 'timeout [0-9]*' "$WORK/wrk.out" | awk '{print $2}')
  echo "$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.out")" \
    "$(to_ms "$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")")" \
    "$(to_ms "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")")" \
    "$max" "$(awk -F= '/^non2xx=/ {print $2}' "$WORK/wrk.out")" "${timeouts:-0}"
}

# warm_then_measure WARMUP_SECONDS URL BODY CONNS SECONDS ROOT_PID -> measure's fields
warm_then_measure() {
  local warmup=$1
  shift
  measure "$1" "$2" "$3" "$warmup" "$5" >/dev/null
  measure "$@"
}

# jit_ms PID -> CPU ms the JIT compiler threads of the JVM PID have used so far (from /proc)
jit_ms() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v tick="$(getconf CLK_TCK)" '
    /\((C1|C2) CompilerThre/ { sub(/^[^)]*\) /, ""); ticks += $12 + $13 }
    END { printf "%d", ticks * 1000 / tick }'
}

# warm_gateway URL BODY CONNS -> the warm-up's seconds: WARMUP, then 5 s slices until the
# gateway's compilers were quiet in one, MAX_WARMUP at most
warm_gateway() {
  local url=$1 body=$2 conns=$3 waited=$WARMUP before
  measure "$url" "$body" "$conns" "$WARMUP" "$GATEWAY_PID" >/dev/null
  while ((waited < MAX_WARMUP)); do
    before=$(jit_ms "$GATEWAY_PID")
    measure "$url" "$body" "$conns" 5 "$GATEWAY_PID" >/dev/null
    waited=$((waited + 5))
    if (($(jit_ms "$GATEWAY_PID") - before <= QUIET_JIT_MS)); then
      break
    fi
  done
  echo "$waited"
}

# gateway_run URL BODY CONNS -> measure's fields and the warm-up's seconds
gateway_run() {
  local warmed
  warmed=$(warm_gateway "$1" "$2" "$3")
  echo "$(measure "$1" "$2" "$3" "$DURATION" "$GATEWAY_PID") $warmed"
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

[[ -f "$JAR" ]] || { echo "missing $JAR: run mvn -pl app -am package first" >&2; exit 1; }
for tool in wrk node npm curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool not found (wrk: run bench/tools.sh)" >&2; exit 1; }
done

python3 "$ROOT/bench/gateway/make_batch.py" 10 45 "$WORK/small.json"
python3 "$ROOT/bench/gateway/make_batch.py" 100 45 "$WORK/1mb.json"
BATCHES=(small 1mb)
SLS_HOME="$(install_serverless)"

echo "gateway vs serverless-offline vs the HTTP floor: $(date -u +%FT%TZ), $(nproc) cores" \
  "($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(java -version 2>&1 | head -1)," \
  "node $(node --version), serverless-offline" \
  "$(awk -F'"' '/"version"/ {print $4; exit}' "$SLS_HOME/node_modules/serverless-offline/package.json")"
echo "load average at start: $(load); warm-up before each measured ${DURATION}s run:" \
  "${WARMUP}-${MAX_WARMUP}s until the JIT used <= ${QUIET_JIT_MS} ms in 5 s (gateway)," \
  "${SLS_WARMUP}s (serverless-offline)"
echo "gateway JVM flags: $LAUNCH_JVM_FLAGS"
echo "batches: small = $(stat -c %s "$WORK/small.json") bytes (10 records x 45 rows)," \
  "1mb = $(stat -c %s "$WORK/1mb.json") bytes (100 x 45)"

declare -A RESULT=()
GATEWAY_BENCH_ECHO=true ENRICHER_PUBLIC_IP=203.0.113.7 \
  java $LAUNCH_JVM_FLAGS -jar "$JAR" gateway --host 127.0.0.1 --port "$GATEWAY_PORT" \
  >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
STARTED+=("$GATEWAY_PID")
wait_http "http://127.0.0.1:$GATEWAY_PORT/health" || { cat "$WORK/gateway.log"; exit 1; }
for batch in "${BATCHES[@]}"; do
  curl -sf "http://127.0.0.1:$GATEWAY_PORT/enricher?integration=raw" \
    --data-binary @"$WORK/$batch.json" -o "$WORK/gateway.$batch.out"
  curl -sf "http://127.0.0.1:$GATEWAY_PORT/bench/answer" \
    --data-binary @"$WORK/$batch.json" -o "$WORK/floor.$batch.out"
  cmp -s "$WORK/gateway.$batch.out" "$WORK/floor.$batch.out" ||
    { echo "the floor's answer differs from the enricher's for $batch" >&2; exit 1; }
  for conns in 1 16; do
    RESULT[gateway.$batch.$conns]=$(gateway_run \
      "http://127.0.0.1:$GATEWAY_PORT/enricher?integration=raw" "$WORK/$batch.json" "$conns")
    RESULT[floor.$batch.$conns]=$(gateway_run "http://127.0.0.1:$GATEWAY_PORT/bench/answer" \
      "$WORK/$batch.json" "$conns")
  done
done
echo "gateway runs done, load $(load)"
stop_tree "$GATEWAY_PID"

start_serverless_offline "$SLS_HOME"
for batch in "${BATCHES[@]}"; do
  curl -sf "http://127.0.0.1:$SLS_PORT/enricher" --data-binary @"$WORK/$batch.json" \
    -H 'Content-Type: application/json' -o "$WORK/sls.$batch.out"
  for conns in 1 16; do
    RESULT[sls.$batch.$conns]="$(warm_then_measure "$SLS_WARMUP" \
      "http://127.0.0.1:$SLS_PORT/enricher" "$WORK/$batch.json" "$conns" "$DURATION" "$SLS_PID") $SLS_WARMUP"
  done
done
echo "serverless-offline runs done, load $(load)"
stop_tree "$SLS_PID"

echo
echo "req/s; latency ms; RSS = largest RSS of the server's process tree, MB; answer = bytes"
printf '%-6s %-5s %-28s %6s %9s %8s %8s %6s %6s %8s %9s %9s\n' batch conns side "warm s" \
  "req/s" p50 p99 "RSS" non2xx timeouts answer ratio
for batch in "${BATCHES[@]}"; do
  for conns in 1 16; do
    sls_rps=$(awk '{print $1}' <<<"${RESULT[sls.$batch.$conns]}")
    floor_rps=$(awk '{print $1}' <<<"${RESULT[floor.$batch.$conns]}")
    for side in gateway floor sls; do
      read -r rps p50 p99 rss bad timeouts warmed <<<"${RESULT[$side.$batch.$conns]}"
      case $side in
        gateway) label="gateway /enricher (Java)"
          ratio=$(awk -v a="$rps" -v s="$sls_rps" -v f="$floor_rps" \
            'BEGIN { if (s > 0) printf "%.1fx sls, ", a / s; else printf "sls answered none, "
                     printf "%.2fx floor", a / f }') ;;
        floor) label="gateway /bench/answer (floor)"; ratio="" ;;
        sls) label="serverless-offline (Node)"; ratio="" ;;
      esac
      size=$(stat -c %s "$WORK/$side.$batch.out" 2>/dev/null || echo -)
      printf '%-6s %-5s %-28s %6s %9s %8s %8s %6s %6s %8s %9s  %s\n' "$batch" "$conns" "$label" \
        "$warmed" "$rps" "$p50" "$p99" "$rss" "${bad:-?}" "$timeouts" "$size" "$ratio"
    done
  done
done
echo "load average at end: $(load)"
