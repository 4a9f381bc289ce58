#!/usr/bin/env bash
# RSS under sustained load: the enricher's function URL with ~1 MB batches at 16 connections for
# DURATION seconds (default 60), loopback only, sampling the gateway's RSS every 5 s.
# Builds nothing: expects app/target/lambda-gateway.jar. Heap: JAVA_OPTS (default -Xmx512m).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/app/target/lambda-gateway.jar"
PORT="${PORT:-18182}"
DURATION="${DURATION:-60}"
WORK="$(mktemp -d)"
GATEWAY_PID=""

cleanup() {
  if [[ -n "$GATEWAY_PID" ]]; then kill "$GATEWAY_PID" 2>/dev/null || true; wait "$GATEWAY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f "$JAR" ]] || { echo "missing $JAR: run mvn -B package -DskipTests first" >&2; exit 1; }
python3 "$ROOT/bench/gateway/make_batch.py" 100 45 "$WORK/batch-1m.json"

GATEWAY_HOST=127.0.0.1 GATEWAY_PORT="$PORT" ENRICHER_PUBLIC_IP=203.0.113.7 \
  java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 0.5
done

BATCH="$WORK/batch-1m.json" wrk -t2 -c16 -d"${DURATION}s" --latency \
  -s "$ROOT/bench/gateway/post.lua" "http://127.0.0.1:$PORT/enricher?integration=raw" >"$WORK/wrk.txt" &
WRK_PID=$!
echo "gateway RSS under load (1 MB batches, 16 connections, ${JAVA_OPTS:--Xmx512m}):"
elapsed=0
while kill -0 "$WRK_PID" 2>/dev/null; do
  sleep 5
  elapsed=$((elapsed + 5))
  echo "  t=${elapsed}s rss=$(( $(ps -o rss= -p "$GATEWAY_PID") / 1024 )) MB"
done
grep -E "Requests/sec|non2xx|^ +50%|^ +99%" "$WORK/wrk.txt"
