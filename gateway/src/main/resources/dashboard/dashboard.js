'use strict';
// The gateway's dashboard: renders each snapshot pushed over server-sent events.
(() => {
  const HISTORY = 120;
  const history = new Map();
  let logsServed = false;
  let shownRecent = '';

  const $ = (id) => document.getElementById(id);
  const cell = (text, numeric) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (numeric) td.className = 'num';
    return td;
  };
  const fixed = (n) => Number(n).toFixed(n >= 100 ? 0 : 2);

  function chart(name, fn) {
    const points = history.get(name) || [];
    points.push([fn.perSecond, fn.p99Ms]);
    if (points.length > HISTORY) points.shift();
    history.set(name, points);
    const w = 120, h = 28;
    const line = (index) => {
      const max = Math.max(1, ...points.map((p) => p[index]));
      // the newest point at the right edge, older ones to its left
      const x = (i) => w - ((points.length - 1 - i) * w) / (HISTORY - 1);
      return points.map((p, i) => `${x(i)},${h - (p[index] / max) * (h - 2) - 1}`).join(' ');
    };
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', w);
    svg.setAttribute('height', h);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${name}: ${fixed(fn.perSecond)} calls/s, p99 ${fixed(fn.p99Ms)} ms`);
    for (const [cls, index] of [['rate', 0], ['p99', 1]]) {
      const polyline = document.createElementNS(ns, 'polyline');
      polyline.setAttribute('class', cls);
      polyline.setAttribute('points', line(index));
      svg.appendChild(polyline);
    }
    const td = document.createElement('td');
    td.appendChild(svg);
    return td;
  }

  function renderFunctions(functions) {
    const body = $('functions').tBodies[0];
    body.replaceChildren(...functions.map((fn) => {
      const tr = document.createElement('tr');
      tr.dataset.function = fn.name;
      tr.append(cell(fn.name), cell(fn.runtime), cell(fn.state),
        cell(`${fn.inFlight} / ${fn.limit}`, true), cell(fn.invocations, true),
        cell(fn.errors, true), cell(fn.throttles, true), cell(fixed(fn.perSecond), true),
        cell(fixed(fn.errorsPerSecond), true), cell(fixed(fn.p50Ms), true),
        cell(fixed(fn.p99Ms), true), chart(fn.name, fn));
      tr.cells[4].className = 'num invocations';
      return tr;
    }));
  }

  // redrawn only when it changed, so that a focused or pointed-at request id stays put
  function renderRecent(recent) {
    const key = recent.map((call) => call.requestId).join();
    if (key === shownRecent) return;
    shownRecent = key;
    const body = $('recent').tBodies[0];
    body.replaceChildren(...recent.map((call) => {
      const tr = document.createElement('tr');
      tr.className = call.outcome;
      const id = document.createElement('td');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'request';
      button.textContent = call.requestId;
      button.addEventListener('click', () => showLog(call));
      id.appendChild(button);
      const outcome = call.errorType ? `${call.outcome} (${call.errorType})` : call.outcome;
      tr.append(id, cell(call.function), cell(call.channel), cell(outcome),
        cell(fixed(call.durationMs), true), cell(call.bytesIn, true), cell(call.bytesOut, true),
        cell(new Date(call.time).toLocaleTimeString()));
      return tr;
    }));
  }

  async function showLog(call) {
    $('log-title').textContent = `Log lines of ${call.requestId}`;
    if (!logsServed) {
      $('log').textContent = 'Log lines are off: they may carry your events\' data. Start the '
        + 'gateway with --dashboard-logs (GATEWAY_DASHBOARD_LOGS=true) to see them here.';
      return;
    }
    const response = await fetch(`/.gateway/invocations/${encodeURIComponent(call.requestId)}/log`);
    $('log').textContent = response.ok ? await response.text()
      : (await response.json()).message;
  }

  function renderPipeline(pipeline) {
    const panel = $('pipeline-panel');
    if (!pipeline) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    if (pipeline.error) {
      $('pipeline-summary').textContent = pipeline.error;
      $('partitions').tBodies[0].replaceChildren();
      return;
    }
    $('pipeline-summary').textContent = `${pipeline.stalled ? 'stalled' : 'running'}: `
      + `${fixed(pipeline.rowsInPerSecond)} rows/s in, ${fixed(pipeline.rowsOutPerSecond)} rows/s out, `
      + `lag ${pipeline.lag}, ${pipeline.dlqMessages} to the DLQ, `
      + `${pipeline.stalledBatches} stalled batches`;
    $('partitions').tBodies[0].replaceChildren(...pipeline.partitions.map((p) => {
      const tr = document.createElement('tr');
      tr.append(cell(p.topic), cell(p.partition, true), cell(p.lag, true));
      return tr;
    }));
  }

  function render(snapshot) {
    logsServed = snapshot.invocationLogs;
    renderFunctions(snapshot.functions);
    renderRecent(snapshot.recent);
    renderPipeline(snapshot.pipeline);
    $('connection').textContent = `live, updated ${new Date(snapshot.time).toLocaleTimeString()}`;
    $('connection').classList.remove('down');
  }

  const events = new EventSource('/.gateway/events');
  events.onmessage = (message) => render(JSON.parse(message.data));
  events.onerror = () => {
    $('connection').textContent = 'disconnected: retrying';
    $('connection').classList.add('down');
  };
})();
