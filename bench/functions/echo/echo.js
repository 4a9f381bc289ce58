'use strict';
// The benchmark's echo function: returns its event. It times itself with process.hrtime so the
// benchmark can tell the handler's own time from what the gateway adds around it. The event
// {"benchSelfTime":true} returns a summary instead: calls timed, their median in microseconds
// and the process id (one pid for all calls = one warm environment reused).

const RING = 1 << 16;
const selfNanos = new Float64Array(RING);
let calls = 0;

function summary() {
  const n = Math.min(calls, RING);
  const sorted = Array.from(selfNanos.subarray(0, n)).sort((a, b) => a - b);
  const p50Micros = n ? sorted[Math.floor(n / 2)] / 1000 : 0;
  return { calls, p50Micros, pid: process.pid };
}

exports.handler = async (event) => {
  const start = process.hrtime.bigint();
  if (event && event.benchSelfTime === true) return summary();
  const result = event;
  selfNanos[calls++ % RING] = Number(process.hrtime.bigint() - start);
  return result;
};
