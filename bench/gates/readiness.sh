#!/usr/bin/env bash
# The readiness endpoint under load, on 127.0.0.1 (two measurements per run: `wrk` with CONNECTIONS connections as
# fast as it goes, for the throughput; `hey` at a fixed RATE requests/s, for the latency at the target rate, which a
# saturated closed loop cannot show because its tail is its own queue): the server jar with its embedded PostgreSQL, one release with a
# realistic set of evidence (bench/gates/make_evidence.py: 2,000 tests, 400 covered files, 500 components, 800
# findings, 300 SARIF results, k6, provenance) and the built-in baseline pack with two required approvals, then `wrk`
# against GET …/readiness?environment=prod and, in the same run, against GET …/releases/1.0.0 (the same
# authentication, routing and JSON path with one query instead of a gate) as the baseline.
#
# Usage: bench/gates/readiness.sh [runs]       (default 3 runs of each, alternating)
#   GREENLIGHT_JAR=path    the jar (default server/target/greenlight-server.jar; built when missing)
#   DURATION=20s THREADS=2 CONNECTIONS=16 RATE=2000
# Needs wrk and hey (Debian packages `wrk`, `hey`). Every process the script starts is stopped when it ends. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh

runs=${1:-3}
duration=${DURATION:-20s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
rate=${RATE:-2000}
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v hey >/dev/null || { echo "bench: hey is needed (apt-get install hey)" >&2; exit 1; }
BENCH_NAME=readiness source bench/lib/server.sh

start_server data
api() { curl -fsS -H "Authorization: Bearer $key" "$@"; }

artifact_sha=$(printf 'bench artifact' | sha256sum | cut -d' ' -f1)
api -H 'Content-Type: application/json' -d '{"slug":"bench","name":"Bench"}' "$base/api/v1/projects" >/dev/null
api -H 'Content-Type: application/json' -d '{"name":"prod"}' "$base/api/v1/projects/bench/environments" >/dev/null
api -H 'Content-Type: application/json' \
  -d "{\"version\":\"1.0.0\",\"commitSha\":\"$(printf 'a%.0s' $(seq 1 40))\",\"artifacts\":[{\"name\":\"bench.jar\",\"sha256\":\"$artifact_sha\"}]}" \
  "$base/api/v1/projects/bench/releases" >/dev/null
python3 bench/gates/make_evidence.py "$work/evidence" "$artifact_sha"
for file in "$work"/evidence/*; do
  api --data-binary "@$file" -H 'Content-Type: application/octet-stream' \
    "$base/api/v1/projects/bench/releases/1.0.0/evidence?name=$(basename "$file")" >/dev/null
done
api -X PUT -H 'Content-Type: application/json' \
  -d '{"parameters":{"latencyBudgetMs":300},"requiredApprovals":[{"role":"security","count":1},{"role":"release-captain","count":1}]}' \
  "$base/api/v1/projects/bench/environments/prod/gate" > "$work/gate.json" || { echo "bench: the gate settings were refused" >&2; exit 1; }
readiness="$base/api/v1/projects/bench/releases/1.0.0/readiness?environment=prod"
plain="$base/api/v1/projects/bench/releases/1.0.0"
api "$readiness" > "$work/readiness.json"
echo "# readiness under wrk, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("report: verdict=%s score=%s rules=%d bytes=%d" % (r["verdict"], r["score"], len(r["rules"]), len(open(sys.argv[1]).read())))' "$work/readiness.json"

# Warm-up: JIT and caches, both paths.
wrk -t"$threads" -c"$connections" -d10s -H "Authorization: Bearer $key" "$readiness" >/dev/null
wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $key" "$plain" >/dev/null

summarise() {
  awk -v name="$1" '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {errors=$NF}
    END {printf "%s requests_per_s=%s p50=%s p90=%s p99=%s non_2xx=%s\n", name, rps, p50, p90, p99, (errors==""?0:errors)}'
}
# hey at a fixed rate: 20 workers of RATE/20 requests/s each.
at_rate() {
  hey -z "$duration" -c 20 -q $(( rate / 20 )) -H "Authorization: Bearer $key" "$2" | awk -v name="$1" '
    /Requests\/sec/ {rps=$2}
    /50% in/ {p50=$3*1000} /90% in/ {p90=$3*1000} /99% in/ {p99=$3*1000}
    /\[2[0-9][0-9]\]/ {ok+=$2} /\[[3-5][0-9][0-9]\]/ {bad+=$2}
    END {printf "%s at_rate requests_per_s=%s p50=%.2fms p90=%.2fms p99=%.2fms non_2xx=%d\n", name, rps, p50, p90, p99, bad}'
}
for run in $(seq 1 "$runs"); do
  echo "## run $run, load $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $key" "$readiness" | summarise readiness
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $key" "$plain" | summarise release
  at_rate readiness "$readiness"
  at_rate release "$plain"
done
