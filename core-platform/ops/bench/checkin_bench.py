#!/usr/bin/env python3
"""Check-in benchmark: online scan latency at a sustained rate, offline verification per scan in
Chromium, and the upload of 1,000 queued offline scans.

Runs against the running demo (`marquee.sh run`): provisions its own tenant (checkin add-on on, one
event, N paid tickets, a gate, a device), then
  0. warm-up: the same load on 1,000 tickets of their own, not measured (a fresh server's JIT);
     setup's order mails are waited out first; the load generator runs at nice +10 (it shares the
     2 cores with the server it measures).
  1. online scans: client threads with keep-alive connections send POST /plugins/checkin/api/scan at a
     fixed total rate (default 500/s) for a fixed time; each ticket is admitted once, later scans of it
     are single-use refusals, so every request runs the full atomic check. Reports the achieved rate and
     the server's own time per request (%D of Liberty's access log: p50/p99), and the client's view.
  2. offline verification: headless Chromium opens the plugin's bench page, which times the app's offline
     check (Ed25519 via WebCrypto, revocations, used set) over 1,000 scans.
  3. sync: one upload of 1,000 queued offline scans of fresh tickets, timed end to end.
Stdlib only (it reuses flash_sale_bench's Keycloak and HTTP helpers); not part of the test suite.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import flash_sale_bench as fb  # noqa: E402
import storefront_bench as sb  # noqa: E402

ACCESS_LOG = sb.ACCESS_LOG
percentile = fb.percentile


def paid_codes(shop, event_id, type_id, n):
    """n paid tickets (orders of 10 through the test gateway); their signed codes."""
    codes = []
    client = fb.AppClient(shop.host)
    while len(codes) < n:
        k = min(10, n - len(codes))
        r = client.request("POST", "/api/v1/orders", {"eventId": event_id, "items": [
            {"ticketTypeId": type_id, "quantity": k}], "buyer": {"name": "Bench Buyer", "email": "b@example.com"}})
        order = json.loads(r.body)
        tok = order["accessToken"]
        p = json.loads(client.request("POST", f"/api/v1/orders/{order['id']}/payments", {"provider": "test"},
                                      {"X-Order-Token": tok}).body)
        client.request("POST", p["redirectUrl"], "outcome=succeed",
                       {"Content-Type": "application/x-www-form-urlencoded"})
        view = json.loads(client.request("GET", f"/api/v1/orders/{order['id']}", None, {"X-Order-Token": tok}).body)
        for t in view["tickets"]:
            codes.append(json.loads(client.request("GET", f"/api/v1/tickets/{t['id']}", None,
                                                   {"X-Order-Token": tok}).body)["code"])
    client.close()
    return codes


def cpu_times():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return fields[3] + fields[4], sum(fields)  # idle + iowait, all


def wait_until_idle(limit_s=180, idle_share=0.85):
    """Setup leaves work behind (order mails with PDF tickets go out asynchronously): measuring
    while it runs would time the mail queue, not the door. Waits for 3 quiet seconds in a row."""
    quiet, t_end = 0, time.monotonic() + limit_s
    idle0, all0 = cpu_times()
    while quiet < 3 and time.monotonic() < t_end:
        time.sleep(1)
        idle1, all1 = cpu_times()
        share = (idle1 - idle0) / max(1, all1 - all0)
        idle0, all0 = idle1, all1
        quiet = quiet + 1 if share >= idle_share else 0
    return quiet >= 3


def device(shop, gate_id, name):
    d = shop.staff("POST", "/plugins/checkin/api/admin/devices", {"gateId": gate_id, "name": name}, (201,))
    r = fb.app_call(shop.host, "POST", "/plugins/checkin/api/claim", {"code": d["claimCode"]})
    return json.loads(r.body)["token"]


def online(shop, token, codes, rate, seconds, threads):
    offset = os.path.getsize(ACCESS_LOG) if os.path.exists(ACCESS_LOG) else 0
    total = int(rate * seconds)
    latencies, outcomes, lock = [], {}, threading.Lock()
    start = time.monotonic() + 0.5

    def worker(w):
        client = fb.AppClient(shop.host)
        mine = []
        for i in range(w, total, threads):
            due = start + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            body = {"code": codes[i % len(codes)], "direction": "in", "nonce": "b" + uuid.uuid4().hex}
            t0 = time.monotonic()
            r = client.request("POST", "/plugins/checkin/api/scan", body, {"X-Device-Token": token})
            mine.append((time.monotonic() - t0) * 1000)
            o = json.loads(r.body).get("outcome", str(r.status))
            with lock:
                outcomes[o] = outcomes.get(o, 0) + 1
        client.close()
        with lock:
            latencies.extend(mine)

    ts = [threading.Thread(target=worker, args=(w,)) for w in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    elapsed = time.monotonic() - start
    time.sleep(1.5)  # the access log is written asynchronously
    server = sb.server_times(ACCESS_LOG, offset, {"/plugins/checkin/api/scan"})
    return total / elapsed, latencies, server, outcomes


class DevTools:
    """The smallest Chrome DevTools Protocol client: one websocket, text frames, Runtime.evaluate."""

    def __init__(self, ws_url):
        import base64
        import socket
        u = urllib.parse.urlparse(ws_url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=120)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                          .encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise OSError("no websocket: " + head.decode(errors="replace"))
        self.next_id = 0

    def _send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        n = len(data)
        header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + n.to_bytes(2, "big")
                                  if n < 65536 else bytes([0x80 | 127]) + n.to_bytes(8, "big"))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _recv_exact(self, n):
        out = b""
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise OSError("devtools closed the connection")
            out += chunk
        return out

    def _recv(self):
        b0, b1 = self._recv_exact(2)
        n = b1 & 0x7F
        if n == 126:
            n = int.from_bytes(self._recv_exact(2), "big")
        elif n == 127:
            n = int.from_bytes(self._recv_exact(8), "big")
        return self._recv_exact(n).decode(errors="replace")

    def call(self, method, params):
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self._recv())
            if msg.get("id") == self.next_id:
                return msg


def offline_verify(shop, token, code, n):
    """Opens the plugin's bench page in headless Chromium and asks it, over DevTools, for the result."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        return None, "no chromium on this machine"
    url = f"http://{shop.host}/plugins/checkin/assets/bench.html#token={token}&code={code}&n={n}"
    profile = tempfile.mkdtemp(prefix="checkin-bench-")
    proc = subprocess.Popen([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                             f"--user-data-dir={profile}", url], stderr=subprocess.PIPE, text=True)
    try:
        ws = None
        deadline = time.monotonic() + 60
        while ws is None and time.monotonic() < deadline:
            line = proc.stderr.readline()
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            if m:
                ws = m.group(1)
        if ws is None:
            return None, "chromium did not start DevTools"
        port = urllib.parse.urlparse(ws).port
        pages = []
        while not pages and time.monotonic() < deadline:
            pages = [t for t in json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/json").read())
                     if t.get("type") == "page" and "bench.html" in t.get("url", "")]
            time.sleep(0.2)
        tab = DevTools(pages[0]["webSocketDebuggerUrl"])
        expr = ("new Promise(r => { const f = () => { const t = document.getElementById('out');"
                " if (t && t.textContent !== 'running') r(t.textContent); else setTimeout(f, 100); }; f(); })")
        for _ in range(5):  # the first evaluate can land in the blank page the tab starts with
            res = tab.call("Runtime.evaluate", {"expression": expr, "awaitPromise": True, "returnByValue": True})
            if "context was destroyed" not in json.dumps(res):
                break
            time.sleep(0.5)
        text = res.get("result", {}).get("result", {}).get("value", "")
        m = re.search(r"OFFLINE_VERIFY_MS_PER_SCAN=([0-9.]+)", text)
        ua = re.search(r"ua=(.*)$", text)
        return (float(m.group(1)), ua.group(1) if ua else "") if m else (None, text[-300:] or str(res)[:300])
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        shutil.rmtree(profile, ignore_errors=True)


def sync(shop, token, codes):
    now = time.time()
    scans = [{"code": c, "direction": "in", "nonce": "s" + uuid.uuid4().hex,
              "scannedAt": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now - 600 + i * 0.5)) + "Z"}
             for i, c in enumerate(codes)]
    t0 = time.monotonic()
    r = fb.app_call(shop.host, "POST", "/plugins/checkin/api/sync", {"scans": scans}, {"X-Device-Token": token})
    ms = (time.monotonic() - t0) * 1000
    results = json.loads(r.body)["results"]
    return ms, sum(1 for x in results if x["outcome"] == "ADMITTED")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rate", type=float, default=500, help="online scans per second (default 500)")
    ap.add_argument("--seconds", type=float, default=20, help="duration of the online run (default 20)")
    ap.add_argument("--threads", type=int, default=64, help="client threads (default 64)")
    ap.add_argument("--tickets", type=int, default=3000, help="paid tickets for the online run (default 3000)")
    ap.add_argument("--warmup", type=float, default=15,
                    help="seconds of unmeasured scans first, on their own 1,000 tickets (default 15): a"
                         " fresh server has not compiled the door's code yet")
    ap.add_argument("--client-nice", type=int, default=10,
                    help="CPU priority offset of this load generator (default 10): it shares the machine's"
                         " cores with the server it measures, and doors are phones, not the server")
    args = ap.parse_args()
    if not fb.app_ready():
        sys.exit("start the product first: core-platform/ops/marquee.sh run")
    run = uuid.uuid4().hex[:6]
    slug, email, password = f"ci{run}", f"bench-checkin-{run}@marquee.local", "bench-" + run
    fb.ensure_bench_user(email, password)
    fb.provision(slug, email)
    shop = fb.Shop(slug, email, password)
    shop.staff("POST", "/api/console/plugins/checkin/enable", {})
    event_id, type_id = shop.create_event("Check-in bench", args.tickets + 3000)
    gate = shop.staff("POST", "/plugins/checkin/api/admin/gates",
                      {"eventId": event_id, "name": "Bench gate", "capacity": args.tickets + 3000}, (201,))["id"]
    token = device(shop, gate, "Bench device")
    print(f"tenant {slug}: creating {args.tickets + 2000} paid tickets…", flush=True)
    codes = paid_codes(shop, event_id, type_id, args.tickets + 2000)
    online_codes, sync_codes = codes[:args.tickets], codes[args.tickets:args.tickets + 1000]
    warmup_codes = codes[args.tickets + 1000:]
    print("waiting for the machine to be idle (order mails still going out)…", flush=True)
    if not wait_until_idle():
        print("  still busy after 3 minutes: figures below include that background work")

    os.nice(args.client_nice)
    if args.warmup > 0:
        print(f"== warm-up: {args.rate:.0f}/s for {args.warmup:.0f} s (not measured)", flush=True)
        online(shop, token, warmup_codes, args.rate, args.warmup, args.threads)
    print(f"== online scans: {args.rate:.0f}/s for {args.seconds:.0f} s, {args.threads} client threads"
          f" (client at nice +{args.client_nice})", flush=True)
    achieved, client, server, outcomes = online(shop, token, online_codes, args.rate, args.seconds, args.threads)
    print(f"  achieved {achieved:.0f} scans/s; outcomes {outcomes}")
    if server:
        print(f"  server time (access log %D): p50 {percentile(server, 50):.1f} ms, p99 {percentile(server, 99):.1f} ms"
              f" over {len(server)} scans")
    print(f"  client view: p50 {percentile(client, 50):.1f} ms, p99 {percentile(client, 99):.1f} ms")

    print("== offline verification in Chromium (1,000 scans)", flush=True)
    ms, ua = offline_verify(shop, token, sync_codes[0], 1000)
    print(f"  {ms:.3f} ms per scan ({ua})" if ms is not None else f"  n/a: {ua}")

    print("== sync of 1,000 queued offline scans", flush=True)
    took, admitted = sync(shop, token, sync_codes)
    print(f"  {took:.0f} ms for 1,000 scans ({admitted} admitted)")


if __name__ == "__main__":
    main()
