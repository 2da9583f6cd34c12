#!/usr/bin/env python3
"""Health breach -> rollback request at the deployer, against a running Greenlight (see rollback-latency.sh).

Each run promotes a new release as a canary (steps [50, 100], one-hour steps, analysis every INTERVAL seconds over a
10 s window), lets it run healthy for 5-10 s (a random phase against the analysis ticks), then makes it fail half of
its requests and measures the time until the deployer receives the rollback request. Traffic for every running
version is pushed through the API every 200 ms (100 requests per push). Standard library only.
"""
import hashlib
import hmac
import http.server
import json
import random
import statistics
import sys
import threading
import time
import urllib.request

base, key, runs, interval = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
SECRET = "bench-deployer-secret-0123456789abcdef"
PACK = """id: bench/promotion
version: 1.0.0
description: Tests must pass.
rules:
  - id: tests-pass
    title: Tests pass
    expression: tests.failed + tests.errors == 0
    severity: blocker
    weight: 1
    requires: [tests]
    remediation: Fix the failing tests.
tests:
  - name: green
    facts:
      tests: {total: 1, passed: 1, failed: 0, errors: 0, skipped: 0}
    expect: {tests-pass: pass}
"""
JUNIT = b'<?xml version="1.0"?><testsuite name="t"><testcase classname="c" name="n" time="0.1"/></testsuite>'


def call(method, path, body=None, content_type="application/json"):
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Authorization": "Bearer " + key, "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read()
        return json.loads(text) if text else None


rollbacks = []
rollback_seen = threading.Condition()


class Deployer(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        expected = "sha256=" + hmac.new(SECRET.encode(), self.headers["X-Greenlight-Timestamp"].encode() + b"." + body,
                                        hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.headers["X-Greenlight-Signature"]):
            self.send_response(401)
            self.end_headers()
            return
        if json.loads(body)["action"] == "rollback":
            with rollback_seen:
                rollbacks.append(time.monotonic())
                rollback_seen.notify_all()
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


deployer = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Deployer)
threading.Thread(target=deployer.serve_forever, daemon=True).start()

error_rates = {}


def push_traffic():
    while True:
        now = time.time()
        for version, rate in list(error_rates.items()):
            start = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now - 0.2)) + ".%03dZ" % int(((now - 0.2) % 1) * 1000)
            end = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%03dZ" % int((now % 1) * 1000)
            try:
                call("POST", "/api/v1/projects/bench/environments/prod/health/samples",
                     {"version": version, "requests": 100, "errors": round(rate * 100), "windowStart": start, "windowEnd": end})
            except Exception as failure:  # keep pushing; the run reports what it measures
                print("push failed:", failure, file=sys.stderr)
        time.sleep(0.2)


def await_state(promotion, states, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = call("GET", "/api/v1/projects/bench/promotions/" + promotion)
        if found["state"] in states:
            return found
        time.sleep(0.1)
    raise SystemExit("promotion %s did not reach %s" % (promotion, states))


def release(version):
    call("POST", "/api/v1/projects/bench/releases", {"version": version, "commitSha": "a" * 40})
    call("POST", "/api/v1/projects/bench/releases/%s/evidence" % version, JUNIT, "application/xml")


call("POST", "/api/v1/projects", {"slug": "bench", "name": "Bench"})
call("POST", "/api/v1/projects/bench/environments", {"name": "prod"})
call("POST", "/api/v1/policies", PACK.encode(), "application/yaml")
call("POST", "/api/v1/policies/bench/promotion/versions/1.0.0/activate", {})
call("PUT", "/api/v1/projects/bench/environments/prod/gate", {"pack": "bench/promotion"})
call("PUT", "/api/v1/projects/bench/environments/prod/deployer",
     {"kind": "webhook", "url": "http://127.0.0.1:%d/deploy" % deployer.server_address[1], "secret": SECRET})
call("PUT", "/api/v1/projects/bench/environments/prod/health-source", {"kind": "pushed"})
# Promotions are asked for by a release captain: a service account with that role.
call("POST", "/api/v1/service-accounts", {"name": "captain"})
call("PUT", "/api/v1/projects/bench/members/captain", {"roles": ["release-captain"]})
key = call("POST", "/api/v1/service-accounts/captain/api-keys", {"name": "bench", "scopes": ["*"]})["token"]
threading.Thread(target=push_traffic, daemon=True).start()

release("1.0.0")
error_rates["1.0.0"] = 0.01
first = call("POST", "/api/v1/projects/bench/promotions", {"release": "1.0.0", "environment": "prod", "strategy": "direct"})
await_state(first["id"], {"promoted"})

latencies = []
for run in range(1, runs + 1):
    version = "2.0.%d" % run
    release(version)
    error_rates[version] = 0.01
    started = call("POST", "/api/v1/projects/bench/promotions",
                   {"release": version, "environment": "prod", "strategy": "canary", "steps": [50, 100], "stepInterval": "1h",
                    "analysis": {"interval": interval, "window": "10s", "maxWait": "1h", "minRequests": 50}})
    await_state(started["id"], {"analysing"})
    time.sleep(random.uniform(5, 10))
    with rollback_seen:
        seen = len(rollbacks)
        error_rates[version] = 0.5
        breach = time.monotonic()
        while len(rollbacks) == seen:
            if not rollback_seen.wait(timeout=60):
                raise SystemExit("no rollback request within 60 s of the breach")
        latency = rollbacks[seen] - breach
    latencies.append(latency)
    print("run %d: breach -> rollback request %.2f s" % (run, latency), flush=True)
    await_state(started["id"], {"rolled-back"})
    del error_rates[version]

latencies.sort()
p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
print("runs=%d interval=%s p50=%.2f s p95=%.2f s max=%.2f s" % (len(latencies), interval, statistics.median(latencies), p95, latencies[-1]))
