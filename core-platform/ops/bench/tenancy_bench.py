#!/usr/bin/env python3
"""Tenancy benchmark: provisions N tenants against a running Marquee and measures a tenant-scoped read.

Reports time per provisioned tenant, p50/p95 of GET /api/console/audit (API key auth, a JPA query in the tenant's
own schema) spread over the first 10 tenants and then over all N, and the resident memory of PostgreSQL backends.
Stdlib only; talks to 127.0.0.1 with each tenant's Host header. Not part of the test suite.
"""
import http.client
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid

APP_PORT = int(os.environ.get("MARQUEE_HTTP_PORT", "9080"))
KC = urllib.parse.urlparse(os.environ.get("MARQUEE_KEYCLOAK_URL", "http://localhost:8180"))
SECRET = os.environ["MARQUEE_KC_PLATFORM_CLIENT_SECRET"]


def call(host, port, method, path, body=None, headers=None, host_header=None):
    conn = http.client.HTTPConnection(host, port, timeout=120)
    h = dict(headers or {})
    if host_header:
        h["Host"] = host_header
    data = None
    if body is not None:
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        h.setdefault("Content-Type", "application/json")
    conn.request(method, path, body=data, headers=h)
    res = conn.getresponse()
    payload = res.read()
    conn.close()
    return res.status, payload


def kc_form(path, form):
    status, body = call(KC.hostname, KC.port, "POST", "/realms/marquee" + path, urllib.parse.urlencode(form),
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
    token = admin_token()
    user = {"username": email, "email": email, "enabled": True, "emailVerified": True, "firstName": "Bench",
            "lastName": "Owner", "credentials": [{"type": "password", "value": password, "temporary": False}]}
    status, _ = call(KC.hostname, KC.port, "POST", "/admin/realms/marquee/users", user,
                     {"Authorization": "Bearer " + token})
    if status not in (201, 409):
        sys.exit(f"could not create bench user: {status}")


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1)))))
    return values[k]


def postgres_rss_mb():
    try:
        out = subprocess.run(["ps", "-C", "postgres", "-o", "rss="], capture_output=True, text=True).stdout
        return sum(int(x) for x in out.split()) / 1024.0
    except OSError:
        return float("nan")


def read_latencies(tenants, rounds):
    samples = []
    for _ in range(rounds):
        for slug, key in tenants:
            t0 = time.perf_counter()
            status, _ = call("127.0.0.1", APP_PORT, "GET", "/api/console/audit?limit=20",
                             headers={"X-Api-Key": key, "Accept": "application/json"},
                             host_header=f"{slug}.localhost:{APP_PORT}")
            samples.append((time.perf_counter() - t0) * 1000)
            if status != 200:
                sys.exit(f"read on {slug} answered {status}")
    return samples


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    run = uuid.uuid4().hex[:6]
    email, password = f"bench-owner-{run}@marquee.local", "bench-" + run
    ensure_bench_user(email, password)
    operator = user_token("operator", "operator", "openid")
    tenants, provision_ms = [], []
    small_p50 = small_p95 = None
    rss_before = postgres_rss_mb()
    for i in range(n):
        slug = f"b{run}-{i:05d}"
        body = {"slug": slug, "displayName": f"Bench {slug}", "currency": "EUR", "locale": "en-GB",
                "timeZone": "Europe/Amsterdam", "theme": "base", "staff": [{"email": email, "role": "owner"}]}
        t0 = time.perf_counter()
        status, payload = call("127.0.0.1", APP_PORT, "POST", "/api/platform/tenants", body,
                               {"Authorization": "Bearer " + operator}, f"localhost:{APP_PORT}")
        provision_ms.append((time.perf_counter() - t0) * 1000)
        if status not in (200, 201):
            sys.exit(f"provisioning {slug} failed: {status} {payload[:300]}")
        if i % 50 == 0:
            operator = user_token("operator", "operator", "openid")
        owner = user_token(email, password, "openid organization:" + slug)
        status, payload = call("127.0.0.1", APP_PORT, "POST", "/api/console/api-keys",
                               {"name": "bench", "scope": "read"}, {"Authorization": "Bearer " + owner},
                               f"{slug}.localhost:{APP_PORT}")
        if status != 201:
            sys.exit(f"api key on {slug} failed: {status} {payload[:300]}")
        tenants.append((slug, json.loads(payload)["key"]))
        if len(tenants) == 10:
            read_latencies(tenants, 2)  # warm-up
            lat = read_latencies(tenants, 50)
            small_p50, small_p95 = percentile(lat, 50), percentile(lat, 95)
        if (i + 1) % 100 == 0:
            print(f"  {i + 1}/{n} tenants provisioned", flush=True)
    read_latencies(tenants, 1)  # warm-up over all
    rounds = max(1, 500 // len(tenants))
    lat = read_latencies(tenants, rounds)
    rss_after = postgres_rss_mb()
    print(f"tenants provisioned          : {n}")
    print(f"provisioning per tenant (ms) : p50 {percentile(provision_ms, 50):.0f}, p95 {percentile(provision_ms, 95):.0f}, "
          f"mean {statistics.mean(provision_ms):.0f}")
    print(f"read p50/p95, 10 tenants (ms): {small_p50:.1f} / {small_p95:.1f}")
    print(f"read p50/p95, {n} tenants (ms): {percentile(lat, 50):.1f} / {percentile(lat, 95):.1f} "
          f"({len(lat)} reads over all tenants)")
    print(f"PostgreSQL RSS (MB)          : {rss_before:.0f} before, {rss_after:.0f} after")


if __name__ == "__main__":
    main()
