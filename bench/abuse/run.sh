#!/usr/bin/env bash
# Abuse benchmark (issue 9): the gateway jar with -Xmx256m on 127.0.0.1, TOTAL fuzzed and hostile
# requests (default 100000) from bench/abuse/abuse.py while /health and a normal invocation are
# checked every second; prints the status histogram per attack and PASS/FAIL per target (0 crashes,
# 0 leaked slots, peak RSS <= 512 MB, /health and normal calls answered throughout).
# Builds nothing: expects app/target/lambda-gateway.jar (mvn -pl app -am package -DskipTests).
# Loopback only, bounded: each attack has a fixed count and per-request time limits; a few minutes.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="${JAR:-$ROOT/app/target/lambda-gateway.jar}"
PORT="${PORT:-18191}"
TOTAL="${TOTAL:-100000}"
HEAP="${HEAP:--Xmx256m}"
WORK="$(mktemp -d)"
GATEWAY_PID=""

# A gateway whose event loops died of OutOfMemoryError never finishes its SIGTERM drain: after
# 15 s it gets SIGKILL.
stop_gateway() {
  kill "$GATEWAY_PID" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$GATEWAY_PID" 2>/dev/null || true
  wait "$GATEWAY_PID" 2>/dev/null || true
}

cleanup() {
  if [[ -n "$GATEWAY_PID" ]]; then stop_gateway; fi
  if [[ -n "${KEEP_LOG:-}" ]]; then cp "$WORK/gateway.log" "$KEEP_LOG"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f "$JAR" ]] || { echo "missing $JAR: run mvn -pl app -am package -DskipTests first" >&2; exit 1; }
if curl -s -m 2 -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is already in use: stop what listens there or set PORT" >&2; exit 1
fi

GATEWAY_HOST=127.0.0.1 GATEWAY_PORT="$PORT" ENRICHER_PUBLIC_IP=203.0.113.7 \
  java "$HEAP" -jar "$JAR" gateway >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 120); do
  kill -0 "$GATEWAY_PID" 2>/dev/null || { cat "$WORK/gateway.log"; exit 1; }
  curl -sf -m 2 "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 0.5
done
curl -sf -m 2 "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$WORK/gateway.log"; exit 1; }

echo "abuse benchmark: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "gateway $HEAP on 127.0.0.1:$PORT, $(java -version 2>&1 | head -1)"
status=0
python3 "$ROOT/bench/abuse/abuse.py" "$PORT" "$GATEWAY_PID" "$TOTAL" || status=$?
echo "gateway log: $(wc -l <"$WORK/gateway.log") lines," \
  "$(grep -c 'OutOfMemoryError' "$WORK/gateway.log" || true) mentioning OutOfMemoryError"
exit "$status"
