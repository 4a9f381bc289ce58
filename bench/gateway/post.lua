-- wrk script: POST the batch named by the BATCH environment variable, as Transfer does.
local f = assert(io.open(os.getenv("BATCH"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer "

-- wrk counts answers with status >= 400 as errors; print them so a fast error path is visible
function done(summary, latency, requests)
  io.write(string.format("non2xx=%d\n", summary.errors.status))
end
