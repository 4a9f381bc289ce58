#!/usr/bin/env bash
# Soak of a hosted Node function (issue 13, "flat RSS"): the public example's Node handler hosted
# by the gateway jar, called through its function URL at c=16 for SOAK_SECONDS (default 300), the
# RSS of the gateway's process tree (the JVM and its Node environments) printed every
# SAMPLE_SECONDS (default 30). Loopback only. Builds nothing: expects
# app/target/lambda-gateway.jar (mvn -pl app -am package), or JAR=...
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="${JAR:-$ROOT/app/target/lambda-gateway.jar}"
PORT="${GATEWAY_PORT:-18285}"
SOAK_SECONDS="${SOAK_SECONDS:-300}"
SAMPLE_SECONDS="${SAMPLE_SECONDS:-30}"
ENRICHER_CODE="$ROOT/examples/node-enricher"
WORK="$(mktemp -d)"
GATEWAY_PID=""

stop() {
  [[ -n "$GATEWAY_PID" ]] && kill "$GATEWAY_PID" 2>/dev/null && wait "$GATEWAY_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap stop EXIT

# shellcheck source=process-tree.sh
. "$ROOT/bench/functions/process-tree.sh"

python3 "$ROOT/bench/gateway/make_batch.py" 10 45 "$WORK/batch.json"
java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" gateway --host 127.0.0.1 --port "$PORT" \
  --function "name=node-enricher,runtime=nodejs,code=$ENRICHER_CODE,handler=main.handler,timeout=30s,memory=1024" \
  >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
url="http://127.0.0.1:$PORT/node-enricher?integration=raw"
curl -sf "$url" --data-binary @"$WORK/batch.json" -o /dev/null

echo "hosted Node soak: $(date -u +%FT%TZ), $(nproc) cores, node $(node --version), $(java -version 2>&1 | head -1)"
echo "node-enricher, $(stat -c %s "$WORK/batch.json")-byte batch, function URL, wrk c=16 for ${SOAK_SECONDS}s; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %8s %10s %6s\n' "t (s)" "RSS (MB)" procs
BATCH="$WORK/batch.json" wrk -t2 -c16 -d"${SOAK_SECONDS}s" --latency \
  -s "$ROOT/bench/gateway/post.lua" "$url" >"$WORK/wrk.out" 2>&1 &
wrk_pid=$!
start=$(date +%s)
while kill -0 "$wrk_pid" 2>/dev/null; do
  read -r rss n < <(tree_rss "$GATEWAY_PID")
  printf '  %8d %10d %6d\n' $(( $(date +%s) - start )) "$rss" "$n"
  for _ in $(seq 1 "$SAMPLE_SECONDS"); do kill -0 "$wrk_pid" 2>/dev/null || break; sleep 1; done
done
wait "$wrk_pid"
read -r rss n < <(tree_rss "$GATEWAY_PID")
printf '  %8d %10d %6d  (end)\n' $(( $(date +%s) - start )) "$rss" "$n"
awk '/^Requests\/sec/ {print "  req/s " $2} /non2xx=/ {print "  " $0}' "$WORK/wrk.out"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
