# serverless-offline for the benchmarks that run beside it (sourced, not run). The caller sets
# WORK (its temporary directory), HERE (bench/functions), ENRICHER_CODE (the Node enricher's
# directory), SLS_PORT, SLS_LAMBDA_PORT and the array STARTED (pids to stop on exit), and defines
# wait_http URL.

# Prints a directory holding serverless@3 and serverless-offline@13 in node_modules: SLS_DIR when
# set, else a fresh npm install into WORK (npm's cache makes later installs quick).
install_serverless() {
  if [[ -n "${SLS_DIR:-}" ]]; then echo "$SLS_DIR"; return; fi
  mkdir -p "$WORK/sls"
  (cd "$WORK/sls" && timeout 300 npm install --no-audit --no-fund --loglevel=error \
    serverless@3 serverless-offline@13 >"$WORK/npm.log" 2>&1) || { cat "$WORK/npm.log" >&2; exit 1; }
  echo "$WORK/sls"
}

# Starts serverless-offline with the Node enricher behind serverless.yml's httpApi route
# (POST /enricher); sets SLS_PID.
start_serverless_offline() {
  local sls_dir=$1 service="$WORK/service"
  mkdir -p "$service"
  cp "$ENRICHER_CODE/main.js" "$service/"
  cp "$HERE/serverless.yml" "$service/"
  ln -s "$sls_dir/node_modules" "$service/node_modules"
  (cd "$service" && exec env SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off \
    node "$sls_dir/node_modules/serverless/bin/serverless.js" offline --host 127.0.0.1 \
    --httpPort "$SLS_PORT" --lambdaPort "$SLS_LAMBDA_PORT" --noPrependStageInUrl \
    </dev/null >"$WORK/sls.log" 2>&1) &
  SLS_PID=$!
  STARTED+=("$SLS_PID")
  wait_http "http://127.0.0.1:$SLS_PORT/" || { cat "$WORK/sls.log"; exit 1; }
}

