#!/usr/bin/env bash
# The pipeline as the image runs it: `pipeline` from the jar with the image's JVM flags
# (-XX:+UseSerialGC -Xmx160m -XX:MaxDirectMemorySize=64m, override with PIPELINE_JVM_FLAGS),
# draining a backlog of demo messages (COUNT, default 40000, 1-10 rows each, 4 partitions)
# through the gateway jar by function URL. Broker, gateway and pipeline are three processes on
# loopback ports 19092 and 18080. Prints the rows written, the time from the pipeline's start to
# its last row, the pipeline's CPU, GC pauses and peak RSS, the gateway's CPU, and any
# OutOfMemoryError in the pipeline's log. Needs kcat (Debian package) and curl. JAR=path runs another build;
# GATEWAY_ARGS and PIPELINE_ARGS add options (e.g. GATEWAY_ARGS="--enricher-output full" for answers
# about 2.5 times the pipeline's request, PIPELINE_ARGS="--buffer-size 6MB").
#
#   mvn -B -q -o -pl app -am package -DskipTests
#   bench/pipeline/jar-heap.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="${JAR:-$ROOT/app/target/lambda-gateway.jar}"
FLAGS="${PIPELINE_JVM_FLAGS:--XX:+UseSerialGC -Xmx160m -XX:MaxDirectMemorySize=64m}"
COUNT="${COUNT:-40000}"
[[ -f "$JAR" ]] || { echo "missing $JAR: mvn -pl app -am package first" >&2; exit 1; }
command -v kcat >/dev/null || { echo "kcat is needed: run bench/tools.sh" >&2; exit 1; }
WORK="$(mktemp -d)"
PIDS=()
# A pipeline out of heap may not stop on SIGTERM: SIGKILL after 5 s.
cleanup() {
  kill "${PIDS[@]}" 2>/dev/null || true
  sleep 5
  kill -9 "${PIDS[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
end_offset() { { kcat -b 127.0.0.1:19092 -Q -t target:0:-1 2>/dev/null || true; } | awk '{print $NF}'; }

echo "pipeline jar drain: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pipeline JVM flags: $FLAGS; backlog: $COUNT messages; gateway args: ${GATEWAY_ARGS:-none}; pipeline args: ${PIPELINE_ARGS:-none}"
java -XX:+UseSerialGC -Xmx512m -jar "$JAR" broker -p 19092 --topic source:4,target:1 \
  > "$WORK/broker.log" 2>&1 &
PIDS+=($!)
# shellcheck disable=SC2086
java -XX:+UseSerialGC -Xmx160m -XX:MaxDirectMemorySize=64m -jar "$JAR" gateway --port 18080 \
  --enricher-public-ip 203.0.113.7 ${GATEWAY_ARGS:-} > "$WORK/gateway.log" 2>&1 &
GATEWAY=$!
PIDS+=("$GATEWAY")
for _ in $(seq 1 150); do grep -q bootstrap.servers "$WORK/broker.log" && break; sleep 0.2; done
java -jar "$JAR" produce -b 127.0.0.1:19092 -t source -n "$COUNT" --rows 1..10 --partitions 4 \
  > "$WORK/produce.log" 2>&1
for _ in $(seq 1 150); do curl -sf 127.0.0.1:18080/health > /dev/null && break; sleep 0.2; done

GATEWAY_BEFORE=$(cpu_ticks "$GATEWAY")
STARTED=$(date +%s.%N)
# shellcheck disable=SC2086
java $FLAGS -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" pipeline -b 127.0.0.1:19092 \
  --source-topic source --target-topic target --function-url http://127.0.0.1:18080 \
  --group-id jar-heap --status-port 0 ${PIPELINE_ARGS:-} > "$WORK/pipeline.log" 2>&1 &
PIPELINE=$!
PIDS+=("$PIPELINE")
# Done when the target's end offset has not moved for 3 s (2 minutes at most).
last=-1 still=0 peak_rss=0 last_change=$STARTED
for _ in $(seq 1 480); do
  sleep 0.25
  rss=$(awk '/VmRSS/{print $2}' "/proc/$PIPELINE/status" 2>/dev/null || true); rss=${rss:-0}
  (( rss > peak_rss )) && peak_rss=$rss
  rows=$(end_offset); rows=${rows:-0}
  if [[ "$rows" == "$last" && "$rows" -gt 0 ]]; then
    still=$((still + 1)); (( still >= 12 )) && break
  else
    still=0; last_change=$(date +%s.%N)
  fi
  last=$rows
done
pipeline_cpu=$(cpu_ticks "$PIPELINE")
gateway_cpu=$(( $(cpu_ticks "$GATEWAY") - GATEWAY_BEFORE ))
pauses=$(grep -c 'Pause' "$WORK/gc.log" || true)
full=$(grep -c 'Pause Full' "$WORK/gc.log" || true)
pause_ms=$(grep 'Pause' "$WORK/gc.log" | sed 's/.* \([0-9.]*\)ms$/\1/' | awk '{s += $1} END {printf "%.0f", s}')
printf 'rows written: %s in %.1f s (pipeline start to its last row)\n' "$last" "$(echo "$last_change - $STARTED" | bc)"
printf 'pipeline: CPU %.1f s, GC %s pauses (%s full) %s ms, peak RSS %d MB; gateway CPU %.1f s\n' \
  "$(echo "$pipeline_cpu / 100" | bc -l)" "$pauses" "$full" "$pause_ms" $((peak_rss / 1024)) \
  "$(echo "$gateway_cpu / 100" | bc -l)"
grep -m1 'OutOfMemoryError' "$WORK/pipeline.log" || echo "no OutOfMemoryError in the pipeline's log"
