#!/usr/bin/env bash
# HTTP benchmark of the gateway: the enricher behind a function URL vs a bare echo route.
# Builds nothing: expects app/target/lambda-gateway.jar (mvn -pl app -am package).
# Loopback only, bounded: DURATION seconds per run (default 10) plus a WARMUP-second run
# (default 8) per route and batch, about 3 minutes in all.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="${JAR:-$ROOT/app/target/lambda-gateway.jar}"
PORT="${PORT:-18181}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-8}"
WORK="$(mktemp -d)"
GATEWAY_PID=""

cleanup() {
  if [[ -n "$GATEWAY_PID" ]]; then kill "$GATEWAY_PID" 2>/dev/null || true; wait "$GATEWAY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f "$JAR" ]] || { echo "missing $JAR: run mvn -pl app -am package first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found: run bench/tools.sh" >&2; exit 1; }

python3 "$ROOT/bench/gateway/make_batch.py" 10 45 "$WORK/batch-100k.json"
python3 "$ROOT/bench/gateway/make_batch.py" 100 45 "$WORK/batch-1m.json"

GATEWAY_HOST=127.0.0.1 GATEWAY_PORT="$PORT" GATEWAY_BENCH_ECHO=true \
  ENRICHER_PUBLIC_IP=203.0.113.7 java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$WORK/gateway.log"; exit 1; }

# Prints the largest RSS (KB) of the gateway seen while the given PID runs.
sample_rss() {
  local watched=$1 max=0 rss
  while kill -0 "$watched" 2>/dev/null; do
    rss=$(ps -o rss= -p "$GATEWAY_PID" | tr -d ' ')
    (( rss > max )) && max=$rss
    sleep 0.5
  done
  echo "$max"
}

# run ROUTE BATCH CONNECTIONS -> "req/s p50 p99 rss_mb non2xx"
run() {
  local route=$1 batch=$2 conns=$3 threads=1
  (( conns > 1 )) && threads=2
  BATCH="$batch" wrk -t"$threads" -c"$conns" -d"${DURATION}s" --latency \
    -s "$ROOT/bench/gateway/post.lua" "http://127.0.0.1:$PORT$route" >"$WORK/wrk.out" 2>&1 &
  local wrk_pid=$!
  local rss
  rss=$(sample_rss "$wrk_pid")
  wait "$wrk_pid"
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")
  non2xx=$(awk -F= '/^non2xx=/ {print $2}' "$WORK/wrk.out")
  echo "$rps $p50 $p99 $((rss / 1024)) ${non2xx:-?}"
}

# average time inside the enricher (from the gateway's own histogram), in ms
enricher_ms() {
  curl -sf "http://127.0.0.1:$PORT/metrics" | awk '
    /^lambda_invocation_duration_seconds_sum\{function="enricher"/ {sum=$2}
    /^lambda_invocation_duration_seconds_count\{function="enricher"/ {cnt=$2}
    END { if (cnt > 0) printf "%.1f", sum / cnt * 1000; else print "-" }'
}

ROUTES=("/enricher?integration=raw" "/echo" "/bench/echo")
echo "gateway benchmark: ${DURATION}s per run, loopback, $(nproc) cores shared with other work, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  /enricher = full path + enricher; /echo = full path + a function returning its input; /bench/echo = bare Vert.x route"
printf '%-5s %-5s %-26s %9s %9s %9s %7s %6s %7s\n' batch conns route "req/s" p50 p99 "RSS MB" non2xx "vs bare"
for name in 100k 1m; do
  batch="$WORK/batch-$name.json"
  for route in "${ROUTES[@]}"; do
    DURATION="$WARMUP" run "$route" "$batch" 4 >/dev/null   # warm-up (JIT), not reported
  done
  for conns in 1 16; do
    declare -A rps=()
    lines=()
    for route in "${ROUTES[@]}"; do
      read -r r p50 p99 rss bad < <(run "$route" "$batch" "$conns")
      rps[$route]=$r
      lines+=("$route $r $p50 $p99 $rss $bad")
    done
    for line in "${lines[@]}"; do
      read -r route r p50 p99 rss bad <<<"$line"
      ratio=$(awk -v a="$r" -v b="${rps[/bench/echo]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
      printf '%-5s %-5s %-26s %9s %9s %9s %7s %6s %7s\n' "$name" "$conns" "$route" "$r" "$p50" "$p99" "$rss" "$bad" "$ratio"
    done
  done
done
echo "average time inside the enricher over all runs: $(enricher_ms) ms"
echo "batch sizes: 100k=$(stat -c %s "$WORK/batch-100k.json") bytes, 1m=$(stat -c %s "$WORK/batch-1m.json") bytes"
for name in 100k 1m; do
  out=$(curl -s "http://127.0.0.1:$PORT/enricher" --data-binary "@$WORK/batch-$name.json" | wc -c)
  echo "enricher response for $name: $out bytes"
done
