#!/usr/bin/env bash
# Hosted functions benchmark (issue 13, "Speed"), one command, loopback only, bounded in time
# (about 5 minutes with the defaults, plus an npm install of serverless-offline on the first run):
#
#  1. Warm overhead: a hosted Node handler returning its event (echo/echo.js), called through the
#     gateway's Invoke API at c=1, against the handler's own time (it times itself with
#     process.hrtime) and against the floor (floor.js: the same handler in a bare Node HTTP
#     server). Cold starts: the first call of fresh functions, its REPORT line's Init Duration and
#     the caller's wall time.
#  2. The public example's Node handler (examples/node-enricher,
#     main.handler, function-URL event in) hosted by the gateway, under serverless-offline and in
#     the floor server: same batch, wrk c=16, same duration; req/s, p50/p99, RSS of each side's
#     process tree (the gateway JVM and its Node children; serverless-offline and its workers).
#
# Builds nothing: expects app/target/lambda-gateway.jar (mvn -pl app -am package), or JAR=...
# serverless v4 cannot be used: its npm package downloads the framework from
# install.serverless.com on first run and needs a Serverless login or licence key. This uses
# serverless@3 with serverless-offline@13 (the last major that supports serverless 3), installed by
# npm into the temporary directory, or taken from SLS_DIR (a directory holding both in
# node_modules) when set.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/functions"
JAR="${JAR:-$ROOT/app/target/lambda-gateway.jar}"
ENRICHER_CODE="$ROOT/examples/node-enricher"
GATEWAY_PORT="${GATEWAY_PORT:-18281}"
FLOOR_PORT="${FLOOR_PORT:-18282}"
SLS_PORT="${SLS_PORT:-18283}"
SLS_LAMBDA_PORT="${SLS_LAMBDA_PORT:-18284}"
DURATION="${DURATION:-20}"      # seconds per measured c=16 run
C1_DURATION="${C1_DURATION:-10}" # seconds per measured c=1 run
WARMUP="${WARMUP:-10}"          # seconds of unreported load before each measured run
COLD_STARTS="${COLD_STARTS:-5}" # fresh functions whose first call is timed
BATCH_RECORDS="${BATCH_RECORDS:-10}"
WORK="$(mktemp -d)"
STARTED=()

# Stops a process and, should any survive it, its descendants (no orphans).
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

# descendants, tree_rss, tree_ticks
# shellcheck source=process-tree.sh
. "$HERE/process-tree.sh"
# install_serverless, start_serverless_offline
# shellcheck source=serverless-offline.sh
. "$HERE/serverless-offline.sh"

load() { cut -d' ' -f1-3 /proc/loadavg; }

wait_http() {
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "nothing answers at $1" >&2
  return 1
}

# wrk's latency (e.g. 830.00us, 1.52ms, 1.02s) in ms
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) printf "%.3f", v / 1000; else if (v ~ /ms$/) printf "%.3f", v + 0
    else if (v ~ /s$/) printf "%.3f", v * 1000; else print "-" }'
}

# measure URL BODY_FILE CONNS SECONDS ROOT_PID -> "req/s p50_ms p99_ms rss_start rss_end rss_max
# procs non2xx cpu_root cpu_kids": RSS in MB, CPU in ms per request (the root process, its children)
measure() {
  local url=$1 body=$2 conns=$3 seconds=$4 root=$5 threads=1 ticks0 ticks1
  (( conns > 1 )) && threads=2
  ticks0=$(tree_ticks "$root")
  BATCH="$body" wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency \
    -s "$ROOT/bench/gateway/post.lua" "$url" >"$WORK/wrk.out" 2>&1 &
  local wrk_pid=$! first="" last=0 max=0 procs=0 rss n
  while kill -0 "$wrk_pid" 2>/dev/null; do
    read -r rss n < <(tree_rss "$root")
    [[ -z "$first" ]] && first=$rss
    last=$rss procs=$n
    (( rss > max )) && max=$rss
    sleep 1
  done
  wait "$wrk_pid"
  ticks1=$(tree_ticks "$root")
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")")
  non2xx=$(awk -F= '/^non2xx=/ {print $2}' "$WORK/wrk.out")
  local cpu
  cpu=$(awk -v a="$ticks0" -v b="$ticks1" -v hz="$(getconf CLK_TCK)" -v rps="$rps" -v s="$seconds" '
    BEGIN { split(a, x, " "); split(b, y, " "); n = rps * s
            printf "%.2f %.2f", (y[1] - x[1]) * 1000 / hz / n, (y[2] - x[2]) * 1000 / hz / n }')
  echo "$rps $p50 $p99 $first $last $max $procs ${non2xx:-?} $cpu"
}

warm_then_measure() {
  measure "$1" "$2" "$3" "$WARMUP" "$5" >/dev/null
  measure "$@"
}

invoke_url() { echo "http://127.0.0.1:$GATEWAY_PORT/2015-03-31/functions/$1/invocations"; }

# Resets the echo handler's self-timing and prints the median of the calls since the last reset.
echo_self_p50_us() {
  curl -sf "$(invoke_url node-echo)" -d '{"benchSelfTime":true}' |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
      console.log(r.p50Micros.toFixed(1), r.calls, r.pid)})'
}

# cold FUNCTION -> "wall_ms init_ms duration_ms" of its first call
cold() {
  curl -sf -D "$WORK/cold.headers" -o /dev/null -w '%{time_total}\n' "$(invoke_url "$1")" \
    -H 'X-Amz-Log-Type: Tail' --data-binary @"$WORK/event.json" >"$WORK/cold.wall"
  local report
  report=$(awk -F': ' 'tolower($1) == "x-amz-log-result" {print $2}' "$WORK/cold.headers" |
    tr -d '\r' | base64 -d | grep '^REPORT')
  awk -v wall="$(cat "$WORK/cold.wall")" -v r="$report" 'BEGIN {
    init = "-"; dur = "-"
    if (match(r, /Init Duration: [0-9.]+/)) init = substr(r, RSTART + 15, RLENGTH - 15)
    if (match(r, /\tDuration: [0-9.]+/)) dur = substr(r, RSTART + 11, RLENGTH - 11)
    printf "%.1f %s %s\n", wall * 1000, init, dur }'
}

start_gateway() {
  local functions=(--function "name=node-echo,runtime=nodejs,code=$HERE/echo,handler=echo.handler"
    --function "name=node-enricher,runtime=nodejs,code=$ENRICHER_CODE,handler=main.handler,timeout=30s,memory=1024")
  for i in $(seq 1 "$COLD_STARTS"); do
    functions+=(--function "name=cold-$i,runtime=nodejs,code=$HERE/echo,handler=echo.handler")
  done
  GATEWAY_BENCH_ECHO=true java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" gateway --host 127.0.0.1 --port "$GATEWAY_PORT" \
    --enricher-public-ip 203.0.113.7 "${functions[@]}" >"$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  STARTED+=("$GATEWAY_PID")
  wait_http "http://127.0.0.1:$GATEWAY_PORT/health" || { cat "$WORK/gateway.log"; exit 1; }
}

start_floor() {
  node "$HERE/floor.js" "$FLOOR_PORT" "$1" handler "$2" >"$WORK/floor.log" 2>&1 &
  FLOOR_PID=$!
  STARTED+=("$FLOOR_PID")
  wait_http "http://127.0.0.1:$FLOOR_PORT/"
}

# row LABEL "measure output" [REFERENCE_RPS]
row() {
  local label=$1 ratio="" rps p50 p99 first last max procs bad cpu_root cpu_kids
  read -r rps p50 p99 first last max procs bad cpu_root cpu_kids <<<"$2"
  [[ -n "${3:-}" ]] && ratio=$(awk -v a="$rps" -v b="$3" 'BEGIN { printf "%.2f", a / b }')
  printf '  %-34s %9s %9s %9s %6s %6s %6s %5s %6s %7s %7s %6s\n' "$label" "$rps" "$p50" "$p99" \
    "$first" "$last" "$max" "$procs" "$bad" "$cpu_root" "$cpu_kids" "$ratio"
}

[[ -f "$JAR" ]] || { echo "missing $JAR: run mvn -pl app -am package first" >&2; exit 1; }
for tool in wrk node npm curl; do
  command -v "$tool" >/dev/null || { echo "$tool not found (wrk: run bench/tools.sh)" >&2; exit 1; }
done

printf '{"id":"bench-event","source":"aws:bench","items":[1,2,3],"note":"%s"}' \
  "$(head -c 96 /dev/zero | tr '\0' x)" >"$WORK/event.json"
python3 "$ROOT/bench/gateway/make_batch.py" "$BATCH_RECORDS" 45 "$WORK/batch.json"
SLS_HOME="$(install_serverless)"
SLS_VERSIONS="serverless $(node -p "require('$SLS_HOME/node_modules/serverless/package.json').version"), serverless-offline $(awk -F'"' '/"version"/ {print $4; exit}' "$SLS_HOME/node_modules/serverless-offline/package.json")"

echo "hosted functions benchmark: $(date -u +%FT%TZ), $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), node $(node --version), $(java -version 2>&1 | head -1), $SLS_VERSIONS"
echo "loopback only; ${WARMUP}s warm-up before each measured run; load average at start: $(load)"

start_gateway
echo
echo "1. cold starts: first call of a fresh hosted Node echo function (Invoke API, $(stat -c %s "$WORK/event.json")-byte event)"
printf '  %-8s %9s %9s %9s\n' function "wall ms" "init ms" "dur ms"
for i in $(seq 1 "$COLD_STARTS"); do
  read -r wall init dur < <(cold "cold-$i")
  printf '  %-8s %9s %9s %9s\n' "cold-$i" "$wall" "$init" "$dur"
done

echo
echo "1. warm overhead at c=1, Invoke API, ${C1_DURATION}s each (latency ms; RSS MB at start/end/max"
echo "   of the run; procs = processes in the tree; cpu0/cpu1 = CPU ms per request of the server / its children)"
printf '  %-34s %9s %9s %9s %6s %6s %6s %5s %6s %7s %7s\n' side "req/s" p50 p99 rss0 rss1 rssmax procs non2xx cpu0 cpu1
declare -A GW_P50=() SELF_US=()
for body in event batch; do
  file="$WORK/$body.json"
  echo "  -- $body ($(stat -c %s "$file") bytes), load $(load)"
  java_echo=$(warm_then_measure "$(invoke_url echo)" "$file" 1 "$C1_DURATION" "$GATEWAY_PID")
  measure "$(invoke_url node-echo)" "$file" 1 "$WARMUP" "$GATEWAY_PID" >/dev/null
  echo_self_p50_us >/dev/null
  gw=$(measure "$(invoke_url node-echo)" "$file" 1 "$C1_DURATION" "$GATEWAY_PID")
  read -r self_us self_calls self_pid < <(echo_self_p50_us)
  row "gateway, in-process Java echo" "$java_echo"
  row "gateway, hosted Node echo" "$gw"
  echo "  Node handler's own time (process.hrtime): p50 ${self_us} us over ${self_calls} calls, all in pid $self_pid"
  GW_P50[$body]=$(awk '{print $2}' <<<"$gw")
  SELF_US[$body]=$self_us
done
stop_tree "$GATEWAY_PID"

start_floor "$HERE/echo/echo.js" raw
for body in event batch; do
  fl=$(warm_then_measure "http://127.0.0.1:$FLOOR_PORT/" "$WORK/$body.json" 1 "$C1_DURATION" "$FLOOR_PID")
  row "floor: bare node http, $body" "$fl"
  awk -v gw="${GW_P50[$body]}" -v self="${SELF_US[$body]}" -v floor="$(awk '{print $2}' <<<"$fl")" -v b="$body" 'BEGIN {
    printf "  %s: added by the gateway at p50: %.3f ms over the handler'"'"'s own time, %.3f ms over the floor\n",
      b, gw - self / 1000, gw - floor }'
done
stop_tree "$FLOOR_PID"

echo
echo "2. node-enricher (main.handler), $(stat -c %s "$WORK/batch.json")-byte batch ($BATCH_RECORDS records x 45 rows), c=16, ${DURATION}s each"
echo "   (columns as above; vs sls = req/s over serverless-offline's)"
printf '  %-34s %9s %9s %9s %6s %6s %6s %5s %6s %7s %7s %6s\n' side "req/s" p50 p99 rss0 rss1 rssmax procs non2xx cpu0 cpu1 "vs sls"
start_gateway
gw_url="http://127.0.0.1:$GATEWAY_PORT/node-enricher?integration=raw"
curl -sf "$gw_url" --data-binary @"$WORK/batch.json" -H 'Content-Type: application/json' -o "$WORK/gw.out"
echo "  gateway, load $(load)"
gw=$(warm_then_measure "$gw_url" "$WORK/batch.json" 16 "$DURATION" "$GATEWAY_PID")
stop_tree "$GATEWAY_PID"

start_serverless_offline "$SLS_HOME"
sls_url="http://127.0.0.1:$SLS_PORT/enricher"
curl -sf "$sls_url" --data-binary @"$WORK/batch.json" -H 'Content-Type: application/json' -o "$WORK/sls.out"
echo "  serverless-offline, load $(load)"
sls=$(warm_then_measure "$sls_url" "$WORK/batch.json" 16 "$DURATION" "$SLS_PID")
stop_tree "$SLS_PID"

start_floor "$ENRICHER_CODE/main.js" url
echo "  floor, load $(load)"
fl=$(warm_then_measure "http://127.0.0.1:$FLOOR_PORT/" "$WORK/batch.json" 16 "$DURATION" "$FLOOR_PID")
stop_tree "$FLOOR_PID"

sls_rps=$(awk '{print $1}' <<<"$sls")
row "gateway function URL" "$gw" "$sls_rps"
row "serverless-offline httpApi" "$sls" "$sls_rps"
row "floor: bare node http" "$fl" "$sls_rps"
if cmp -s "$WORK/gw.out" "$WORK/sls.out"; then same=yes; else same=NO; fi
echo "  same answer from the gateway and serverless-offline: $same ($(stat -c %s "$WORK/gw.out") bytes)"
echo "load average at end: $(load)"
