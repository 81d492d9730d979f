#!/usr/bin/env python3
"""Storefront benchmark: event page and search under concurrent visitors, and the event page's weight.

Runs against the running demo (`marquee.sh run`): N client threads (default 100) on one tenant's domain, each with
its own keep-alive connection, request the event page or the home-page search for a fixed time. Reports
requests/s and p50/p95/p99 latency as seen by the client (which includes the client's own overhead and queueing on
this shared 2-core machine), the server's own time per request (p50/p95 of the %D field of Liberty's access log,
which excludes queueing before the request is read), and the page weight of a first visit to the event page
(HTML + CSS + JS it references). Stdlib only; not part of the test suite.
"""
import argparse
import http.client
import os
import re
import threading
import time

PORT = int(os.environ.get("MARQUEE_HTTP_PORT", "9080"))
ACCESS_LOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "target", "liberty", "wlp", "usr",
                          "servers", "marquee", "logs", "http_access.log")


def server_times(log, offset, paths):
    """Server-side milliseconds (%D) of the access-log lines written after offset for the given paths
    (any method; the query string is part of the path)."""
    out = []
    if not os.path.exists(log):
        return out
    with open(log, "rb") as f:
        f.seek(offset)
        for line in f:
            m = re.search(rb'"[A-Z]+ (\S+) HTTP/1\.1" (\d{3}) \S+ (\d+)\s*$', line)
            if m and m.group(1).decode() in paths:
                out.append(int(m.group(3)) / 1000.0)
    return out


def percentile(values, p):
    values = sorted(values)
    return values[max(0, min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1)))))]


def get(conn, host, path):
    conn.request("GET", path, headers={"Host": f"{host}:{PORT}", "Accept": "text/html"})
    res = conn.getresponse()
    body = res.read()
    return res.status, body


def first_event_path(host):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    status, body = get(conn, host, "/")
    m = re.search(rb'href="(/event\.xhtml\?e=[a-z0-9-]+)"', body)
    if status != 200 or not m:
        raise SystemExit(f"no published event on {host} (run `marquee.sh run` first)")
    return m.group(1).decode()


def page_weight(host, path):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    status, html = get(conn, host, path)
    total = len(html)
    parts = [("html", len(html))]
    for ref in re.findall(rb'(?:href|src)="(/[^"]+\.(?:css|js)[^"]*)"', html):
        ref = ref.decode().replace("&amp;", "&")
        s, body = get(conn, host, ref)
        if s == 200:
            total += len(body)
            parts.append((ref, len(body)))
    for ref in re.findall(rb'href="(/brand/brand\.css[^"]*)"', html):
        pass
    return total, parts


def load(host, paths, clients, seconds):
    latencies = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(k):
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        mine = []
        i = k
        while time.monotonic() < stop:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                status, _ = get(conn, host, path)
            except (OSError, http.client.HTTPException):
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
                status = 0
            mine.append((time.perf_counter() - t0) * 1000)
            if status != 200:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    return latencies, errors[0], wall


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tenant", default="nightscene")
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--access-log", default=os.path.normpath(ACCESS_LOG))
    args = ap.parse_args()
    host = f"{args.tenant}.localhost"
    event = first_event_path(host)
    weight, parts = page_weight(host, event)
    print(f"event page {event} on {host}")
    print(f"  first-visit weight: {weight / 1024:.1f} KiB  (" + ", ".join(f"{p} {n / 1024:.1f}" for p, n in parts) + ")")
    load(host, [event], 10, 3)  # warm-up
    searches = ["/?q=night", "/?q=expo", "/?q=stage", "/?q=a", "/?when=week&sort=price", "/?category=music&sort=popularity"]
    for name, paths in (("event page", [event]), ("search", searches)):
        offset = os.path.getsize(args.access_log) if os.path.exists(args.access_log) else 0
        lat, errors, wall = load(host, paths, args.clients, args.seconds)
        print(f"{name:10s}: {len(lat) / wall:7.0f} req/s, client p50 {percentile(lat, 50):6.1f} ms, p95 {percentile(lat, 95):6.1f} ms,"
              f" p99 {percentile(lat, 99):6.1f} ms, errors {errors}  ({args.clients} clients, {args.seconds} s)")
        time.sleep(1.5)  # the access log is written asynchronously
        st = server_times(args.access_log, offset, set(paths))
        if st:
            print(f"{'':10s}  server time p50 {percentile(st, 50):6.1f} ms, p95 {percentile(st, 95):6.1f} ms, p99 {percentile(st, 99):6.1f} ms"
                  f"  ({len(st)} requests in {args.access_log})")
        else:
            print(f"{'':10s}  no access-log lines found in {args.access_log}")


if __name__ == "__main__":
    main()
