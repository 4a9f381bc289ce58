#!/usr/bin/env python3
"""Fires fuzzed and hostile HTTP requests at a gateway on loopback and reports what held.

Usage: abuse.py PORT GATEWAY_PID [TOTAL]
Environment: MAX_SECONDS (default 900); SKIP, attack names to leave out, comma-separated (TOTAL is
then split over the others), e.g. SKIP=amplification,declared-6mb.

TOTAL requests (default 100000) are split over the attacks in ATTACKS by weight; each attack runs
at its own bounded concurrency, all at once, and stops sending after MAX_SECONDS. Meanwhile a
monitor checks /health and one normal enricher invocation every second. At the end it prints the status histogram per attack, the
monitor's success ratios, the gateway's peak RSS (VmHWM), whether the process is alive, and
whether lambda_in_flight went back to 0; then one PASS/FAIL line per target. Exit status 0 only
when every target passed. Python standard library only; raw sockets, so that the requests can be
as malformed as an attacker's.
"""
import asyncio
import base64
import collections
import gzip
import json
import os
import random
import socket
import sys
import time
import zlib

HOST = "127.0.0.1"
INVOKE = "/2015-03-31/functions/enricher/invocations"
RSS_LIMIT_MB = 512
SLOT_DRAIN_SECONDS = 30
IO_TIMEOUT = 10.0
MAX_SECONDS = float(os.environ.get("MAX_SECONDS", "900"))  # every attack stops sending by then
ONE_SHOT_WAIT = 5.0  # how long a hostile one-shot request waits for an answer before hanging up
rng = random.Random(9)


def batch(values):
    """A Transfer batch of raw Kafka messages (six columns, base64 values), as JSON bytes."""
    records = []
    for offset, value in enumerate(values):
        records.append({
            "cdc": {"id": 0, "nextlsn": offset, "commitTime": 1718876759101000000,
                    "txPosition": 0, "kind": "insert", "schema": "", "table": "t",
                    "part": "t_0",
                    "columnnames": ["topic", "partition", "offset", "write_time", "key", "data"],
                    "columnvalues": ["t", 0, offset, "2024-06-20T09:45:59.101Z", None,
                                     base64.b64encode(value).decode()]},
            "cdc_split": None, "kinesis": None, "result": "", "eventSource": "CDC",
            "eventID": "%d.0" % offset, "invokeIdentityArn": "tm", "eventVersion": "1.0",
            "eventName": "dt:cdc:change_item", "eventSourceARN": "", "awsRegion": ""})
    return json.dumps({"Records": records}, separators=(",", ":")).encode()


ROW = b'ts=2024-06-20T21:06:48Z&ip=FILL_ME&data={"appid":"a","payload":{"EMAIL":"e"},"identity":"i"}'
NORMAL_BATCH = batch([b"\n".join([ROW] * 5)] * 3)


def amplification_body():
    """One record of tiny rows, just under 6 MB once inflated: the issue's amplification attack."""
    row = b"ts=1&data={}\n"
    rows = (6_100_000 // 4 * 3 - 2000) // len(row)
    return gzip.compress(batch([row * rows]), 9)


AMPLIFICATION = amplification_body()


def request(method, path, headers=(), body=b""):
    lines = ["%s %s HTTP/1.1" % (method, path), "Host: %s" % HOST]
    lines += ["%s: %s" % h for h in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def post(path, body, headers=()):
    return request("POST", path, [("Content-Length", len(body)), *headers], body)


# ---- the attacks: each returns the bytes to send (or sends them itself) -------------------------

def fuzzed_request():
    """A mutation of a well-formed Invoke API or function-URL call."""
    body = NORMAL_BATCH if rng.random() < 0.5 else mutate(NORMAL_BATCH[:rng.randint(0, 600)])
    path = rng.choice([INVOKE, "/enricher", "/enricher?integration=raw",
                       "/2015-03-31/functions/%s/invocations" % fuzz_text(20),
                       "/" + fuzz_text(30), "/health", "/metrics",
                       "/2015-03-31/functions/", "/2015-03-31/functions/enricher"])
    headers = []
    for name, values in (("X-Amz-Invocation-Type", ["RequestResponse", "Event", "DryRun", "x"]),
                         ("X-Amz-Log-Type", ["Tail", "None", "y"]),
                         ("X-Amz-Client-Context", ["e30=", "!!", fuzz_text(40)]),
                         ("Content-Type", ["application/json", "text/plain", "a/b"])):
        if rng.random() < 0.3:
            headers.append((name, rng.choice(values)))
    method = rng.choice(["POST"] * 6 + ["GET", "PUT", "DELETE", "OPTIONS", "PATCH"])
    return request(method, path, [("Content-Length", len(body)), *headers], body)


def fuzz_text(n):
    alphabet = "abcXYZ019-_.:$%/?&=#+ ~\u00e9"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, n))).encode(
        "utf-8").decode("latin-1")


def mutate(data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if data and rng.random() < 0.7:
            data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            data.insert(rng.randint(0, len(data)), rng.randrange(256))
    return bytes(data)


ATTACKS = {
    # name: (weight in TOTAL, concurrency, maker); a maker returns bytes or an async sender
    "fuzzed": (80000, 32, fuzzed_request),
    "bad-escape": (4000, 32, lambda: post("/2015-03-31/functions/%ZZ/invocations", b"{}")),
    "bad-gzip": (2000, 32, lambda: post(INVOKE, b"\x1f\x8bnot gzip at all",
                                       [("Content-Encoding", "gzip")])),
    "bad-deflate": (1000, 32, lambda: post("/enricher", b"\x78\x9cnot deflate",
                                          [("Content-Encoding", "deflate")])),
    "cl-te": (2000, 32, lambda: request("POST", INVOKE, [("Content-Length", 30),
                                                        ("Transfer-Encoding", "chunked")],
                                       b"2\r\n{}\r\n0\r\n\r\n")),
    "random-bytes": (4000, 32, lambda: os.urandom(rng.randint(1, 2048))),
    "huge-headers": (2000, 32, lambda: request("GET", "/health",
                                              [("X-Pad-%d" % i, "p" * 4000) for i in range(8)])),
    "head-health": (1000, 32, lambda: request("HEAD", "/health")),
    "partial-body": (2000, 32, lambda: post(INVOKE, NORMAL_BATCH)[:-rng.randint(1, 500)]),
    "declared-6mb": (1000, 64, "held"),
    "amplification": (40, 4, lambda: post(INVOKE, AMPLIFICATION,
                                            [("Content-Encoding", "gzip")])),
    "slow-sender": (64, 64, "slow"),
}


async def exchange(payload, wait=IO_TIMEOUT, hold=0.0, close_early=False):
    """Sends payload on a new connection and returns the response's status, or what happened
    instead when none came within wait seconds."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, PORT), IO_TIMEOUT)
    except Exception as e:  # the gateway refused or never accepted the connection
        return "connect-" + type(e).__name__
    sock = writer.get_extra_info("socket")
    # abortive close (RST), so that 100k connections leave no TIME_WAIT on the client side
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    try:
        writer.write(payload)
        await writer.drain()
        if hold:
            await asyncio.sleep(hold)
        if close_early:
            return "sent"
        return await read_status(reader, wait)
    except asyncio.TimeoutError:
        return "no-answer-in-%gs" % wait
    except (ConnectionError, OSError):
        return "reset"
    finally:
        writer.close()


async def read_status(reader, wait=IO_TIMEOUT):
    line = await asyncio.wait_for(reader.readline(), wait)
    if not line:
        return "closed"
    parts = line.split()
    return parts[1].decode("latin-1") if len(parts) > 1 else "garbled"


async def keep_alive_worker(maker, count, histogram):
    """Sends count requests one after another on one keep-alive connection, reconnecting as
    needed: the cheap way to send tens of thousands of requests without exhausting ports."""
    reader = writer = None
    for _ in range(count):
        if time.monotonic() > DEADLINE:
            break
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(HOST, PORT), IO_TIMEOUT)
                writer.get_extra_info("socket").setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            writer.write(maker())
            await writer.drain()
            status = await read_status(reader)
            if status.isdigit():
                await skip_body(reader)
            else:
                writer.close()
                writer = None
        except asyncio.TimeoutError:
            status = "timeout"
        except Exception as e:
            status = "reset" if isinstance(e, (ConnectionError, OSError)) else type(e).__name__
            writer = None
        histogram[status] += 1
        if status in ("timeout", "reset") and writer is not None:
            writer.close()
            writer = None
    if writer is not None:
        writer.close()


async def skip_body(reader):
    length, chunked, close = 0, False, False
    while True:
        line = await asyncio.wait_for(reader.readline(), IO_TIMEOUT)
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
        elif name == "connection" and value == "close":
            close = True
    if chunked:
        while True:
            size = int((await asyncio.wait_for(reader.readline(), IO_TIMEOUT)).split(b";")[0], 16)
            await asyncio.wait_for(reader.readexactly(size + 2), IO_TIMEOUT)
            if size == 0:
                break
    elif length:
        await asyncio.wait_for(reader.readexactly(length), IO_TIMEOUT)
    if close:
        raise ConnectionError("server closed")


async def slow_sender(histogram):
    """One byte per second of a request's headers, for at most 20 s."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, PORT), IO_TIMEOUT)
    except Exception as e:
        histogram["connect-" + type(e).__name__] += 1
        return
    started, status = time.monotonic(), "held-20s"
    try:
        for byte in request("GET", "/health", [("X-Slow", "s" * 64)]):
            if time.monotonic() - started > 20:
                break
            writer.write(bytes([byte]))
            await writer.drain()
            try:
                line = await asyncio.wait_for(reader.readline(), 1.0)
                status = "closed-after-%ds" % (time.monotonic() - started) if not line else \
                    line.split()[1].decode()
                break
            except asyncio.TimeoutError:
                pass
    except (ConnectionError, OSError):
        status = "reset-after-%ds" % (time.monotonic() - started)
    finally:
        writer.close()
    histogram[status] += 1


async def run_attack(name, count, concurrency, maker, histogram):
    if maker == "slow":
        await asyncio.gather(*(slow_sender(histogram) for _ in range(count)))
        return
    if name == "fuzzed":
        share = [count // concurrency + (i < count % concurrency) for i in range(concurrency)]
        await asyncio.gather(*(keep_alive_worker(maker, n, histogram) for n in share))
        return
    queue = iter(range(count))

    async def worker():
        for _ in queue:
            if time.monotonic() > DEADLINE:
                break
            if maker == "held":  # declares 6 MB, sends 10 bytes, holds 2 s, hangs up
                payload = request("POST", INVOKE, [("Content-Length", 6_000_000)], b"0123456789")
                histogram[await exchange(payload, hold=2.0, close_early=True)] += 1
            else:
                histogram[await exchange(maker(), wait=ONE_SHOT_WAIT)] += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))


async def monitor(stop, results):
    """Every second: /health and one normal invocation, each on a fresh connection."""
    while not stop.is_set():
        started = time.monotonic()
        health, normal = await asyncio.gather(
            exchange(request("GET", "/health")), exchange(post(INVOKE, NORMAL_BATCH)))
        results["health"].append(health == "200")
        results["normal"].append(normal == "200")
        await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - started)))


def metric(name):
    try:
        with socket.create_connection((HOST, PORT), timeout=5) as s:
            s.sendall(request("GET", "/metrics", [("Connection", "close")]))
            data = b""
            while chunk := s.recv(65536):
                data += chunk
    except OSError:
        return None
    for line in data.decode("latin-1").splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            return float(line.rsplit(" ", 1)[1])
    return None


def peak_rss_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


async def main(total):
    for name in filter(None, os.environ.get("SKIP", "").split(",")):
        del ATTACKS[name]
    weights = sum(w for w, _, _ in ATTACKS.values())
    counts = {n: max(1, round(total * w / weights)) for n, (w, _, _) in ATTACKS.items()}
    counts["fuzzed"] += total - sum(counts.values())
    histograms = {n: collections.Counter() for n in ATTACKS}
    monitor_results = {"health": [], "normal": []}
    stop = asyncio.Event()
    watch = asyncio.create_task(monitor(stop, monitor_results))
    global DEADLINE
    started = time.monotonic()
    DEADLINE = started + MAX_SECONDS
    await asyncio.gather(*(run_attack(n, counts[n], c, m, histograms[n])
                           for n, (_, c, m) in ATTACKS.items()))
    elapsed = time.monotonic() - started
    stop.set()
    await watch
    return counts, histograms, monitor_results, elapsed


def report(counts, histograms, monitor_results, elapsed):
    sent = sum(sum(h.values()) for h in histograms.values())
    print("sent %d of %d requests in %.0f s (%d attacks, loopback, time budget %.0f s)" % (
        sent, sum(counts.values()), elapsed, len(counts), MAX_SECONDS))
    print("  %-14s %6s  %s" % ("attack", "sent", "outcomes (HTTP status, or what happened)"))
    for name, histogram in histograms.items():
        shown = ", ".join("%s: %d" % kv for kv in sorted(histogram.items()))
        print("  %-14s %6d  %s" % (name, sum(histogram.values()), shown))
    alive = os.path.exists("/proc/%d" % GATEWAY_PID)
    in_flight = None
    deadline = time.monotonic() + SLOT_DRAIN_SECONDS
    while alive and time.monotonic() < deadline:
        in_flight = metric("lambda_in_flight")
        if in_flight == 0:
            break
        time.sleep(1)
    rss = peak_rss_mb(GATEWAY_PID)
    ratios = {k: (sum(v), len(v)) for k, v in monitor_results.items()}
    print("gateway process alive: %s; lambda_in_flight after up to %ds: %s%s; peak RSS (VmHWM):"
          " %s MB" % (alive, SLOT_DRAIN_SECONDS, in_flight,
                      " (/metrics not answered)" if in_flight is None else "", rss))
    for k, (ok, n) in ratios.items():
        print("monitor %-7s %d/%d answered 200 (%.1f%%)" % (k, ok, n, 100.0 * ok / max(n, 1)))
    answering = alive and in_flight is not None
    targets = [
        ("all %d requests sent within the time budget" % sum(counts.values()),
         sent == sum(counts.values())),
        ("0 crashes (gateway process alive and answering at the end)", answering),
        ("0 leaked slots (lambda_in_flight back to 0)", in_flight == 0),
        ("peak RSS <= %d MB" % RSS_LIMIT_MB, rss is not None and rss <= RSS_LIMIT_MB),
        ("/health answered throughout", ratios["health"][0] == ratios["health"][1] > 0),
        ("normal calls answered throughout", ratios["normal"][0] == ratios["normal"][1] > 0),
    ]
    for label, ok in targets:
        print("%s  %s" % ("PASS" if ok else "FAIL", label))
    return all(ok for _, ok in targets)


if __name__ == "__main__":
    PORT, GATEWAY_PID = int(sys.argv[1]), int(sys.argv[2])
    TOTAL = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    passed = report(*asyncio.run(main(TOTAL)))
    sys.exit(0 if passed else 1)
