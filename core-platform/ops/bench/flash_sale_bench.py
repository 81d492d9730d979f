#!/usr/bin/env python3
"""Flash-sale benchmark: contended and sustained ticket sales against a running Marquee.

Measures, in one run:
  1. a physical reference: pgbench (TPC-B-like, 8 clients) on the project's PostgreSQL, in its own
     database (--pgbench-db, created with createdb when missing);
  2. a flash sale: --buyers guests released at once for the last --last tickets of a type, each
     checking out one ticket and paying on the test gateway's hosted page. Checks that exactly
     --last orders are paid, every other buyer is told "Sold out", nothing is oversold, and reports
     wall time and checkout latency;
  3. sustained throughput: --clients workers buying paid orders (checkout + payment start + hosted
     page) in a loop for --seconds after a 3 s warm-up, as paid orders/s and as a share of the
     pgbench tps, with the client's own CPU time so a saturated client can be spotted;
  4. with --kill-restart: the flash sale again, with the Liberty server `marquee` killed (kill -9)
     after ~30 % of the requests and restarted with --restart-cmd; buyers retry with the same
     Idempotency-Key. Checks that nothing is oversold, no paid order is lost and holds add up;
  5. the tenant's trial balance and ledger reconciliation.

Everything goes through the public HTTP API (127.0.0.1 with each tenant's Host header), as in
tenancy_bench.py. Side effects: a Keycloak user and a tenant `fs<run>` per run, the pgbench database,
and with --kill-restart a killed and restarted server. Stdlib only; not part of CI or the test suite.
Needs MARQUEE_KC_PLATFORM_CLIENT_SECRET (and optionally MARQUEE_HTTP_PORT, MARQUEE_KEYCLOAK_URL,
MARQUEE_DB_PASSWORD) as written to $MARQUEE_STATE/marquee.env. Exits non-zero when a check fails.
"""
import argparse
import collections
import glob
import http.client
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

APP_PORT = int(os.environ.get("MARQUEE_HTTP_PORT", "9080"))
KC = urllib.parse.urlparse(os.environ.get("MARQUEE_KEYCLOAK_URL", "http://localhost:8180"))
SECRET = os.environ.get("MARQUEE_KC_PLATFORM_CLIENT_SECRET", "")
CORE_DIR = Path(__file__).resolve().parents[2]
WLP_DIR = CORE_DIR / "target" / "liberty" / "wlp"
PLATFORM_HOST = f"localhost:{APP_PORT}"
WARM_UP_S = 3.0
PGBENCH_CLIENTS, PGBENCH_THREADS, PGBENCH_SCALE = 8, 2, 10

Reply = collections.namedtuple("Reply", "status ctype body")


# ----------------------------------------------------------------------------------------------
# HTTP and Keycloak
# ----------------------------------------------------------------------------------------------
class AppClient:
    """A keep-alive connection to the app on 127.0.0.1 for one thread, sent with one Host header.

    A request that fails because the server had closed a reused idle connection is sent once more
    on a new one; every request this benchmark sends is safe to repeat (POSTs carry an
    Idempotency-Key, the hosted page ignores a payment that is already complete).
    """

    def __init__(self, host_header, timeout=60):
        self.host_header, self.timeout = host_header, timeout
        self.conn, self.used = None, False

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn, self.used = None, False

    def request(self, method, path, body=None, headers=None):
        h = {"Host": self.host_header, "Accept": "application/json, text/html"}
        h.update(headers or {})
        data = body
        if body is not None and not isinstance(body, (bytes, str)):
            data = json.dumps(body)
            h.setdefault("Content-Type", "application/json")
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", APP_PORT, timeout=self.timeout)
            reused = self.used
            try:
                self.conn.request(method, path, body=data, headers=h)
                res = self.conn.getresponse()
                payload = res.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if reused and attempt == 0:
                    continue
                raise
            except BaseException:
                self.close()
                raise
            self.used = True
            if res.will_close:
                self.close()
            return Reply(res.status, res.getheader("Content-Type", ""), payload)
        raise AssertionError("unreachable")


def app_call(host_header, method, path, body=None, headers=None, timeout=300):
    client = AppClient(host_header, timeout)
    try:
        return client.request(method, path, body, headers)
    finally:
        client.close()


def problem_title(reply):
    try:
        return json.loads(reply.body).get("title")
    except (ValueError, AttributeError):
        return None


def kc_call(method, path, body, headers):
    https = KC.scheme == "https"
    cls = http.client.HTTPSConnection if https else http.client.HTTPConnection
    conn = cls(KC.hostname, KC.port or (443 if https else 80), timeout=60)
    try:
        conn.request(method, KC.path.rstrip("/") + path,
                     body=body if isinstance(body, (str, bytes)) or body is None else json.dumps(body),
                     headers=headers)
        res = conn.getresponse()
        return res.status, res.read()
    finally:
        conn.close()


def kc_form(path, form):
    status, body = kc_call("POST", "/realms/marquee" + path, urllib.parse.urlencode(form),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 200:
        sys.exit(f"Keycloak refused {path}: {status} {body[:200]}")
    return json.loads(body)


def admin_token():
    return kc_form("/protocol/openid-connect/token", {
        "grant_type": "client_credentials", "client_id": "marquee-platform", "client_secret": SECRET})["access_token"]


def user_token(user, password, scope):
    return kc_form("/protocol/openid-connect/token", {
        "grant_type": "password", "client_id": "marquee-cli", "username": user, "password": password,
        "scope": scope})["access_token"]


def ensure_bench_user(email, password):
    user = {"username": email, "email": email, "enabled": True, "emailVerified": True, "firstName": "Bench",
            "lastName": "Owner", "credentials": [{"type": "password", "value": password, "temporary": False}]}
    status, _ = kc_call("POST", "/admin/realms/marquee/users", user,
                        {"Authorization": "Bearer " + admin_token(), "Content-Type": "application/json"})
    if status not in (201, 409):
        sys.exit(f"could not create bench user: {status}")


def app_ready():
    try:
        return app_call(PLATFORM_HOST, "GET", "/health/ready", timeout=5).status == 200
    except (OSError, http.client.HTTPException):
        return False


# ----------------------------------------------------------------------------------------------
# Reporting helpers
# ----------------------------------------------------------------------------------------------
def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1)))))
    return values[k]


def p50_p99(values):
    if not values:
        return "n/a"
    return f"{percentile(values, 50):.0f}/{percentile(values, 99):.0f} ms"


class Checks:
    """PASS/FAIL lines; the run fails when any check does."""

    def __init__(self):
        self.failed = []

    def check(self, ok, what):
        print(f"  {'PASS' if ok else 'FAIL'}  {what}", flush=True)
        if not ok:
            self.failed.append(what)
        return ok


# ----------------------------------------------------------------------------------------------
# 1. pgbench
# ----------------------------------------------------------------------------------------------
def find_pg_tool(name):
    found = shutil.which(name)
    if found:
        return found
    def version(path):
        m = re.search(r"/postgresql/(\d+)", path)
        return int(m.group(1)) if m else 0
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version, reverse=True)
    return candidates[0] if candidates else None


def run_pgbench(args):
    """Returns (tps or None, note)."""
    pgbench = find_pg_tool("pgbench")
    if not pgbench:
        return None, "pgbench not found on PATH or under /usr/lib/postgresql/*/bin"
    env = dict(os.environ, PGPASSWORD=os.environ.get("MARQUEE_DB_PASSWORD", "marquee"))
    conn = ["-h", "127.0.0.1", "-p", str(args.pg_port), "-U", args.pg_user]

    def run(cmd, timeout):
        try:
            return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as e:
            return subprocess.CompletedProcess(cmd, 1, "", str(e))

    createdb = find_pg_tool("createdb")
    if createdb:
        r = run([createdb, *conn, "--maintenance-db", args.pg_db, args.pgbench_db], 60)
        if r.returncode != 0 and "already exists" not in r.stderr:
            print(f"  createdb {args.pgbench_db}: {r.stderr.strip()} (trying pgbench anyway)")
    print(f"  pgbench: initialising {args.pgbench_db} at scale {PGBENCH_SCALE}", flush=True)
    r = run([pgbench, "-i", "-q", "-s", str(PGBENCH_SCALE), *conn, args.pgbench_db], 900)
    if r.returncode != 0:
        return None, f"pgbench -i failed: {r.stderr.strip()[-300:]}"
    print(f"  pgbench: {PGBENCH_CLIENTS} clients, {args.pgbench_seconds} s", flush=True)
    r = run([pgbench, "-c", str(PGBENCH_CLIENTS), "-j", str(PGBENCH_THREADS), "-T", str(args.pgbench_seconds),
             *conn, args.pgbench_db], args.pgbench_seconds + 300)
    m = re.search(r"tps = ([0-9.]+) \((?:without initial connection time|excluding connections establishing)\)",
                  r.stdout)
    if r.returncode != 0 or not m:
        return None, f"pgbench failed: {(r.stderr or r.stdout).strip()[-300:]}"
    return float(m.group(1)), "ok"


# ----------------------------------------------------------------------------------------------
# 2. Tenant and catalogue, through the API
# ----------------------------------------------------------------------------------------------
class Shop:
    """The benchmark's tenant and its owner, calling the staff API."""

    def __init__(self, slug, email, password):
        self.slug, self.email, self.password = slug, email, password
        self.host = f"{slug}.localhost:{APP_PORT}"
        self._token, self._token_at = None, 0.0

    def token(self):
        if self._token is None or time.monotonic() - self._token_at > 60:
            self._token = user_token(self.email, self.password, "openid organization:" + self.slug)
            self._token_at = time.monotonic()
        return self._token

    def staff(self, method, path, body=None, expect=(200,)):
        r = app_call(self.host, method, path, body, {"Authorization": "Bearer " + self.token()})
        if r.status not in expect:
            sys.exit(f"{method} {path} on {self.slug} answered {r.status}: {r.body[:300]}")
        return json.loads(r.body) if r.body else {}

    def create_event(self, title, capacity):
        starts = (datetime.now(timezone.utc) + timedelta(days=30)).replace(minute=0, second=0, microsecond=0)
        ev = self.staff("POST", "/api/v1/events",
                        {"title": title, "startsAt": starts.strftime("%Y-%m-%dT%H:%M:%SZ")}, (201,))
        tt = self.staff("POST", f"/api/v1/events/{ev['id']}/ticket-types",
                        {"name": "GA", "priceMinor": 2500, "capacity": capacity, "maxPerOrder": 10}, (201,))
        self.staff("POST", f"/api/v1/events/{ev['id']}/publish", {})
        return ev["id"], tt["id"]

    def ticket_type(self, event_id, type_id):
        ev = self.staff("GET", f"/api/v1/events/{event_id}")
        return next(t for t in ev["ticketTypes"] if t["id"] == type_id)

    def order_count(self, event_id, status):
        n, offset = 0, 0
        while True:
            page = self.staff("GET", f"/api/v1/orders?eventId={event_id}&status={status}&limit=200&offset={offset}")
            n += len(page["items"])
            if len(page["items"]) < 200:
                return n
            offset += 200


def provision(slug, owner_email):
    operator = user_token("operator", "operator", "openid")
    body = {"slug": slug, "displayName": f"Flash sale {slug}", "currency": "EUR", "locale": "en-GB",
            "timeZone": "Europe/Amsterdam", "theme": "base", "staff": [{"email": owner_email, "role": "owner"}]}
    r = app_call(PLATFORM_HOST, "POST", "/api/platform/tenants", body, {"Authorization": "Bearer " + operator})
    if r.status not in (200, 201):
        sys.exit(f"provisioning {slug} failed: {r.status} {r.body[:300]}")


# ----------------------------------------------------------------------------------------------
# Buyers
# ----------------------------------------------------------------------------------------------
def checkout(client, event_id, type_id, email, key):
    body = {"eventId": event_id, "items": [{"ticketTypeId": type_id, "quantity": 1}],
            "buyer": {"name": "B", "email": email}}
    return client.request("POST", "/api/v1/orders", body, {"Idempotency-Key": key})


def start_payment(client, order_id, token, key):
    return client.request("POST", f"/api/v1/orders/{order_id}/payments", {"provider": "test"},
                          {"X-Order-Token": token, "Idempotency-Key": key})


def pay_on_page(client, url):
    return client.request("POST", url, "outcome=succeed", {"Content-Type": "application/x-www-form-urlencoded"})


class Progress:
    """Completed HTTP requests, counted across threads."""

    def __init__(self):
        self.lock, self.value = threading.Lock(), 0

    def add(self):
        with self.lock:
            self.value += 1


class Outage:
    """Shared state of the kill-restart phase: whether the server is up, and what buyers retried."""

    def __init__(self, max_wait):
        self.ready = threading.Event()
        self.ready.set()
        self.max_wait = max_wait
        self.lock = threading.Lock()
        self.retries = collections.Counter()

    def note(self, why):
        with self.lock:
            self.retries[why] += 1


class GaveUp(Exception):
    pass


def retryable(r):
    """Answers that mean "the server is (re)starting" or "your earlier request is still claimed"."""
    if r.status in (500, 502, 503, 504):
        return True
    if r.status == 404 and "json" not in r.ctype:  # Liberty up, application not deployed yet
        return True
    return r.status == 409 and b"still being processed" in r.body


def send(fn, progress, outage):
    """Runs one request; during the kill-restart phase, retries it until the server answers for real."""
    first_failure, delay = None, 0.25
    while True:
        try:
            r = fn()
            why = f"HTTP {r.status}" if outage is not None and retryable(r) else None
        except (OSError, http.client.HTTPException) as e:
            progress.add()
            if outage is None:
                raise
            why = type(e).__name__
        else:
            progress.add()
        if why is None:
            return r
        now = time.monotonic()
        first_failure = first_failure or now
        left = outage.max_wait - (now - first_failure)
        if left <= 0:
            raise GaveUp(f"gave up after {outage.max_wait:.0f} s ({why})")
        outage.note(why)
        outage.ready.wait(left)
        time.sleep(delay)
        delay = min(2 * delay, 2.0)


class Buyer:
    def __init__(self, prefix, i):
        self.email = f"{prefix}{i}@example.com"
        self.key, self.pay_key = str(uuid.uuid4()), str(uuid.uuid4())
        self.checkout_status = self.checkout_ms = None
        self.sold_out = self.paid_seen = self.gave_up = False
        self.order_id = self.token = self.failure = None


def buy(client, event_id, type_id, b, progress, outage):
    """One buyer: checkout of one ticket, then payment on the hosted page. Never raises."""
    try:
        t0 = time.perf_counter()
        r = send(lambda: checkout(client, event_id, type_id, b.email, b.key), progress, outage)
        b.checkout_ms = (time.perf_counter() - t0) * 1000
        b.checkout_status = r.status
        if r.status == 409 and problem_title(r) == "Sold out":
            b.sold_out = True
            return
        if r.status != 201:
            b.failure = f"checkout answered {r.status}: {r.body[:200]!r}"
            return
        order = json.loads(r.body)
        b.order_id, b.token = order["id"], order["accessToken"]
        r = send(lambda: start_payment(client, b.order_id, b.token, b.pay_key), progress, outage)
        if r.status != 201:
            b.failure = f"payment start answered {r.status}: {r.body[:200]!r}"
            return
        url = json.loads(r.body)["redirectUrl"]
        r = send(lambda: pay_on_page(client, url), progress, outage)
        if r.status == 200 and b"Payment paid" in r.body:
            b.paid_seen = True
        else:
            b.failure = f"hosted page answered {r.status}: {r.body[:200]!r}"
    except GaveUp as e:
        b.gave_up, b.failure = True, str(e)
    except Exception as e:  # a broken buyer is reported, not allowed to kill its thread
        b.failure = f"{type(e).__name__}: {e}"
        client.close()


def run_buyers(shop, event_id, type_id, count, threads, prefix, progress, outage=None):
    """Releases all threads at once (a barrier); each works through its share of the buyers."""
    buyers = [Buyer(prefix, i) for i in range(count)]
    threads = max(1, min(threads, count))
    released, finished = [], [0.0] * threads
    barrier = threading.Barrier(threads, action=lambda: released.append(time.perf_counter()))

    def worker(k):
        client = AppClient(shop.host)
        barrier.wait()
        for b in buyers[k::threads]:
            buy(client, event_id, type_id, b, progress, outage)
        client.close()
        finished[k] = time.perf_counter()

    pool = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return buyers, max(finished) - released[0]


def read_back(shop, buyers):
    """Each buyer's order as the buyer sees it now: (paid orders lost, buyers' pending, paid unseen)."""
    client = AppClient(shop.host)
    lost, pending, paid_unseen = [], 0, 0
    for b in buyers:
        if b.order_id is None:
            continue
        r = client.request("GET", f"/api/v1/orders/{b.order_id}", headers={"X-Order-Token": b.token})
        status = json.loads(r.body).get("status") if r.status == 200 else f"HTTP {r.status}"
        if b.paid_seen and status != "paid":
            lost.append(f"{b.order_id}: {status}")
        elif not b.paid_seen and status == "pending":
            pending += 1
        elif not b.paid_seen and status == "paid":
            paid_unseen += 1
    client.close()
    return lost, pending, paid_unseen


def show_failures(buyers, limit=5):
    failures = collections.Counter(b.failure[:160] for b in buyers if b.failure)
    for what, n in failures.most_common(limit):
        print(f"    {n} x {what}")


# ----------------------------------------------------------------------------------------------
# 3. Flash sale
# ----------------------------------------------------------------------------------------------
def flash_sale(args, shop, run, checks):
    print(f"\n== flash sale: {args.buyers} buyers for the last {args.last} tickets", flush=True)
    event_id, type_id = shop.create_event(f"Flash sale A {run}", args.last)
    buyers, wall = run_buyers(shop, event_id, type_id, args.buyers, args.threads, "b", Progress())
    expected = min(args.buyers, args.last)
    holds = sum(b.checkout_status == 201 for b in buyers)
    sold_out = sum(b.sold_out for b in buyers)
    other = sum(b.failure is not None for b in buyers)
    paid = sum(b.paid_seen for b in buyers)
    tt = shop.ticket_type(event_id, type_id)
    oversold = max(0, tt["sold"] - tt["capacity"], tt["taken"] - tt["capacity"])
    lost, _, _ = read_back(shop, buyers)
    latencies = [b.checkout_ms for b in buyers if b.checkout_ms is not None]
    print(f"  holds {holds}, sold-out answers {sold_out}, other {other}, paid {paid}; "
          f"type capacity {tt['capacity']}, taken {tt['taken']}, sold {tt['sold']}")
    show_failures(buyers)
    checks.check(paid == expected, f"paid orders {paid} == {expected}")
    checks.check(holds == expected, f"holds (201) {holds} == {expected}")
    checks.check(sold_out == args.buyers - expected, f"sold-out answers {sold_out} == {args.buyers - expected}")
    checks.check(other == 0, f"other answers / failed buyers {other} == 0")
    checks.check(tt["sold"] == expected and tt["capacity"] == args.last,
                 f"sold {tt['sold']} == {expected}, capacity {tt['capacity']} == {args.last}")
    checks.check(tt["taken"] == expected, f"taken {tt['taken']} == {expected}")
    checks.check(oversold == 0, f"oversold {oversold} == 0")
    checks.check(not lost, f"paid orders read back as paid (lost {len(lost)})")
    return (f"paid {paid}, sold-out answers {sold_out}, other {other}, oversold {oversold}, "
            f"wall {wall:.1f} s, checkout p50/p99 {p50_p99(latencies)}")


# ----------------------------------------------------------------------------------------------
# 4. Sustained throughput
# ----------------------------------------------------------------------------------------------
def sustained_worker(job):
    """One process: `threads` buyers paying orders in a loop. Top-level so multiprocessing can run it."""
    host, event_id, type_id, threads, t_start, warm_end, t_end, tag = job
    cpu0 = time.process_time()
    results = [None] * threads

    def loop(k):
        client, samples, errors, n = AppClient(host), [], collections.Counter(), 0
        results[k] = (samples, errors)
        time.sleep(max(0.0, t_start - time.monotonic()))
        while time.monotonic() < t_end:
            n += 1
            t0 = time.perf_counter()
            try:
                r = checkout(client, event_id, type_id, f"s{tag}-{k}-{n}@example.com", str(uuid.uuid4()))
                t1 = time.perf_counter()
                if r.status != 201:
                    errors[f"checkout HTTP {r.status}"] += 1
                    continue
                order = json.loads(r.body)
                r = start_payment(client, order["id"], order["accessToken"], str(uuid.uuid4()))
                if r.status != 201:
                    errors[f"payment start HTTP {r.status}"] += 1
                    continue
                r = pay_on_page(client, json.loads(r.body)["redirectUrl"])
                t2 = time.perf_counter()
                if r.status != 200 or b"Payment paid" not in r.body:
                    errors[f"hosted page HTTP {r.status}"] += 1
                    continue
            except Exception as e:  # counted, and the worker carries on
                errors[type(e).__name__] += 1
                client.close()
                time.sleep(0.05)
                continue
            if warm_end <= time.monotonic() <= t_end:
                samples.append(((t2 - t0) * 1000, (t1 - t0) * 1000))
        client.close()

    pool = [threading.Thread(target=loop, args=(k,), daemon=True) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    samples, errors = [], collections.Counter()
    for s, e in results:
        samples.extend(s)
        errors.update(e)
    return samples, errors, time.process_time() - cpu0


def sustained(args, shop, run, checks, pgbench_tps):
    procs = max(1, min(args.procs, args.clients))
    print(f"\n== sustained: {args.clients} clients in {procs} process(es), {WARM_UP_S:.0f} s warm-up + "
          f"{args.seconds} s", flush=True)
    event_id, type_id = shop.create_event(f"Sustained B {run}", 1_000_000)
    t_start = time.monotonic() + (2.0 if procs > 1 else 0.5)
    warm_end = t_start + WARM_UP_S
    t_end = warm_end + args.seconds
    shares = [args.clients // procs + (1 if p < args.clients % procs else 0) for p in range(procs)]
    jobs = [(shop.host, event_id, type_id, shares[p], t_start, warm_end, t_end, f"{run}{p}") for p in range(procs)]
    wall0, cpu_main0 = time.monotonic(), time.process_time()
    if procs == 1:
        outs = [sustained_worker(jobs[0])]
    else:
        with multiprocessing.get_context("fork").Pool(procs) as pool:
            outs = pool.map(sustained_worker, jobs)
    wall = time.monotonic() - wall0
    samples, errors, cpu = [], collections.Counter(), 0.0
    for s, e, c in outs:
        samples.extend(s)
        errors.update(e)
        cpu += c
    if procs > 1:
        cpu += time.process_time() - cpu_main0
    rate = len(samples) / args.seconds
    totals, checkouts = [s[0] for s in samples], [s[1] for s in samples]
    share = f"{100.0 * rate / pgbench_tps:.1f} % of pgbench" if pgbench_tps else "pgbench n/a"
    print(f"  paid orders in the measured window: {len(samples)} ({rate:.1f}/s, {share})")
    print(f"  client CPU {cpu:.1f} s over {wall:.1f} s wall = {100.0 * cpu / wall:.0f} % of one core "
          f"({os.cpu_count()} cores on this machine, shared with the server)")
    for what, n in errors.most_common(5):
        print(f"    {n} x {what}")
    checks.check(not errors, f"sustained: failed orders {sum(errors.values())} == 0")
    if pgbench_tps:
        target = 100.0 * rate / pgbench_tps >= 20.0
        print(f"  target paid orders/s >= 20 % of pgbench tps: {'met' if target else 'NOT met'} "
              "(reported, not checked)")
    line = (f"{rate:.0f} ({share}), paid-order p50/p99 {p50_p99(totals)}, checkout p50/p99 {p50_p99(checkouts)}")
    cpu_line = f"{cpu:.1f} s CPU over {wall:.1f} s wall ({100.0 * cpu / wall:.0f} % of one core, {procs} process(es))"
    return line, cpu_line


# ----------------------------------------------------------------------------------------------
# 5. Kill and restart in the middle of a flash sale
# ----------------------------------------------------------------------------------------------
def cmdline(pid):
    try:
        return [a.decode(errors="replace") for a in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0") if a]
    except OSError:
        return []


def is_liberty_marquee(pid):
    argv = cmdline(pid)
    return (bool(argv) and os.path.basename(argv[0]).startswith("java") and "marquee" in argv
            and any("ws-server.jar" in a or "wlp" in a for a in argv))


def liberty_pids():
    """The JVM of the Liberty server `marquee`: its pid file, else pgrep."""
    try:
        pid = int((WLP_DIR / "usr" / "servers" / ".pid" / "marquee.pid").read_text().strip())
        if is_liberty_marquee(pid):
            return [pid]
    except (OSError, ValueError):
        pass
    for pattern in ("ws-server.jar marquee", "wlp.*marquee"):
        try:
            out = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout
        except OSError:
            return []
        pids = [int(p) for p in out.split() if int(p) != os.getpid() and is_liberty_marquee(int(p))]
        if pids:
            return pids
    return []


def wait_ready(timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app_ready():
            return True
        time.sleep(1.0)
    return False


def kill_and_restart(args, progress, threshold, outage, buyers_done, report):
    while progress.value < threshold and not buyers_done.is_set():
        time.sleep(0.005)
    report["late"] = buyers_done.is_set()
    pids = liberty_pids()
    if not pids:
        report["error"] = "Liberty server 'marquee' not found (pid file, pgrep)"
        return
    outage.ready.clear()
    t_kill = time.monotonic()
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    report["at"] = progress.value
    print(f"  killed Liberty (pid {', '.join(map(str, pids))}) after {report['at']} requests", flush=True)
    while any(is_liberty_marquee(p) for p in pids) and time.monotonic() - t_kill < 15:
        time.sleep(0.1)
    log = Path(tempfile.gettempdir()) / f"flash_sale_restart-{os.getpid()}.log"
    print(f"  restarting: {args.restart_cmd}  (output in {log})", flush=True)
    with open(log, "ab") as out:
        subprocess.Popen(args.restart_cmd, shell=True, stdin=subprocess.DEVNULL, stdout=out,
                         stderr=subprocess.STDOUT, start_new_session=True)
    report["ready"] = wait_ready(args.ready_timeout)
    report["down_s"] = time.monotonic() - t_kill
    print(f"  server {'ready' if report['ready'] else 'NOT ready'} {report['down_s']:.0f} s after the kill",
          flush=True)
    outage.ready.set()


def restart_preflight(args):
    """Refuses to kill the server when the default restart command cannot work."""
    m = re.search(r"(\S*marquee\.sh)\s+(\S+)", args.restart_cmd)
    if m and Path(m.group(1)).is_file():
        text = Path(m.group(1)).read_text(errors="replace")
        if not re.search(rf"(^|[\s|(]){re.escape(m.group(2))}\s*[|)]", text, re.M):
            return f"{m.group(1)} has no '{m.group(2)}' command: give --restart-cmd"
    return None


def kill_restart(args, shop, run, checks):
    print(f"\n== kill-restart: {args.buyers} buyers for the last {args.last} tickets, server killed mid-sale",
          flush=True)
    event_id, type_id = shop.create_event(f"Kill-restart C {run}", args.last)
    progress, outage, report = Progress(), Outage(args.max_retry), {}
    threshold = int(0.3 * (args.buyers + 2 * min(args.buyers, args.last)))
    buyers_done = threading.Event()
    killer = threading.Thread(target=kill_and_restart, daemon=True,
                              args=(args, progress, threshold, outage, buyers_done, report))
    killer.start()
    buyers, wall = run_buyers(shop, event_id, type_id, args.buyers, args.threads, "k", progress, outage)
    buyers_done.set()
    killer.join(args.ready_timeout + 60)
    if "error" in report:
        checks.check(False, f"kill: {report['error']}")
        return "not run: " + report["error"]
    if report.get("late"):
        print("  note: every buyer had finished before the kill")
    if not checks.check(bool(report.get("ready")), f"server ready within {args.ready_timeout} s of the kill"):
        return "server did not come back"
    if not app_ready() and not wait_ready(30):
        checks.check(False, "server answers after the phase")
        return "server not answering"

    paid_seen = sum(b.paid_seen for b in buyers)
    sold_out = sum(b.sold_out for b in buyers)
    gave_up = sum(b.gave_up for b in buyers)
    unexpected = sum(b.failure is not None and not b.gave_up for b in buyers)
    tt = shop.ticket_type(event_id, type_id)
    oversold = max(0, tt["sold"] - tt["capacity"], tt["taken"] - tt["capacity"])
    lost, buyer_pending, paid_unseen = read_back(shop, buyers)
    server_paid = shop.order_count(event_id, "paid")
    server_pending = shop.order_count(event_id, "pending")
    held = tt["taken"] - tt["sold"]
    retries = ", ".join(f"{why} {n}" for why, n in outage.retries.most_common()) or "none"
    print(f"  wall {wall:.1f} s, server down {report['down_s']:.0f} s; retries: {retries}")
    print(f"  buyers: paid {paid_seen}, sold-out answers {sold_out}, gave up {gave_up}, unexpected answers "
          f"{unexpected}; paid without the buyer seeing it {paid_unseen}")
    print(f"  type capacity {tt['capacity']}, taken {tt['taken']}, sold {tt['sold']}, held {held}; "
          f"pending orders held by buyers {buyer_pending}, pending on the server {server_pending}, "
          f"paid on the server {server_paid}")
    show_failures(buyers)
    checks.check(oversold == 0, f"oversold {oversold} == 0 (sold {tt['sold']}, taken {tt['taken']} <= "
                                f"capacity {tt['capacity']})")
    checks.check(not lost, f"no paid order lost ({len(lost)} seen paid but not paid now: {lost[:3]})")
    checks.check(server_paid == tt["sold"], f"paid orders on the server {server_paid} == sold {tt['sold']}")
    checks.check(held == server_pending, f"held {held} == pending orders on the server {server_pending}")
    checks.check(unexpected == 0, f"unexpected answers {unexpected} == 0")
    if gave_up:
        print(f"  note: {gave_up} buyer(s) gave up after {args.max_retry:.0f} s of retries")
    return (f"paid {paid_seen} (+{paid_unseen} unseen), sold {tt['sold']}/{tt['capacity']}, oversold {oversold}, "
            f"lost {len(lost)}, held {held} (buyers hold {buyer_pending}), down {report['down_s']:.0f} s")


# ----------------------------------------------------------------------------------------------
def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--buyers", type=int, default=1000, help="buyers in the flash sale (default 1000)")
    p.add_argument("--last", type=int, default=100, help="tickets left in the flash sale (default 100)")
    p.add_argument("--threads", type=int, default=200, help="buyer threads in the flash sale (default 200)")
    p.add_argument("--seconds", type=int, default=30, help="measured seconds of the sustained phase; 0 skips it")
    p.add_argument("--clients", type=int, default=32, help="concurrent workers in the sustained phase (default 32)")
    p.add_argument("--procs", type=int, default=1, help="client processes sharing --clients (default 1)")
    p.add_argument("--skip-pgbench", action="store_true", help="no pgbench reference")
    p.add_argument("--pgbench-db", default="marquee_pgbench", help="database for pgbench (default marquee_pgbench)")
    p.add_argument("--pgbench-seconds", type=int, default=30, help="pgbench run time (default 30)")
    p.add_argument("--pg-port", type=int, default=55432, help="PostgreSQL port (default 55432)")
    p.add_argument("--pg-db", default="marquee", help="database createdb connects to (default marquee)")
    p.add_argument("--pg-user", default="marquee", help="PostgreSQL role; password from MARQUEE_DB_PASSWORD")
    p.add_argument("--kill-restart", action="store_true",
                   help="also run the flash sale with the Liberty server killed (kill -9) and restarted midway")
    p.add_argument("--restart-cmd", default=f"bash {CORE_DIR}/ops/marquee.sh start-server",
                   help="shell command that starts the Liberty server again")
    p.add_argument("--ready-timeout", type=int, default=180, help="seconds to wait for /health/ready after restart")
    p.add_argument("--max-retry", type=float, default=240, help="seconds a buyer retries one step (default 240)")
    return p.parse_args()


def main():
    args = parse_args()
    if not SECRET:
        sys.exit("MARQUEE_KC_PLATFORM_CLIENT_SECRET is not set (see $MARQUEE_STATE/marquee.env)")
    if not app_ready():
        sys.exit(f"Marquee does not answer http://127.0.0.1:{APP_PORT}/health/ready: start it first")
    if args.kill_restart and restart_preflight(args):
        sys.exit(f"--kill-restart: {restart_preflight(args)} (e.g. '{WLP_DIR}/bin/server start marquee')")
    checks, run = Checks(), uuid.uuid4().hex[:6]
    summary = []

    pgbench_tps, note = None, "skipped"
    if not args.skip_pgbench:
        print("== pgbench (physical reference)", flush=True)
        pgbench_tps, note = run_pgbench(args)
        print(f"  {'tps %.0f' % pgbench_tps if pgbench_tps else 'n/a: ' + note}")
    summary.append((f"pgbench tps ({PGBENCH_CLIENTS} clients, {args.pgbench_seconds} s)",
                    f"{pgbench_tps:.0f}" if pgbench_tps else f"n/a ({note})"))

    slug = f"fs{run}"
    email, password = f"bench-flash-{run}@marquee.local", "bench-" + run
    ensure_bench_user(email, password)
    provision(slug, email)
    shop = Shop(slug, email, password)
    shop.staff("PUT", "/api/v1/settings/commerce", {"holdMinutes": 10})
    print(f"\ntenant {slug} provisioned (owner {email})")

    summary.append((f"flash sale: buyers {args.buyers}, last {args.last}", flash_sale(args, shop, run, checks)))
    if args.seconds > 0:
        line, cpu_line = sustained(args, shop, run, checks, pgbench_tps)
        summary.append(("sustained paid orders/s", line))
        summary.append(("client CPU (sustained)", cpu_line))
    if args.kill_restart:
        summary.append(("kill-restart", kill_restart(args, shop, run, checks)))

    print("\n== ledger", flush=True)
    if app_ready():
        balanced = shop.staff("GET", "/api/v1/ledger/trial-balance").get("balanced") is True
        reconciled = shop.staff("GET", "/api/v1/ledger/reconciliation").get("reconciled") is True
        checks.check(balanced, "trial balance balanced")
        checks.check(reconciled, "ledger reconciled with orders")
        summary.append(("ledger", f"{'balanced' if balanced else 'NOT balanced'}, "
                                  f"{'reconciled' if reconciled else 'NOT reconciled'}"))
    else:
        checks.check(False, "server answers for the ledger checks")
        summary.append(("ledger", "not checked (server down)"))

    width = max(len(k) for k, _ in summary) + 1
    print(f"\nsummary (tenant {slug})")
    for k, v in summary:
        print(f"  {k.ljust(width)}: {v}")
    print(f"  {'result'.ljust(width)}: {'FAIL (' + '; '.join(checks.failed) + ')' if checks.failed else 'PASS'}")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
