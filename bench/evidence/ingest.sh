#!/usr/bin/env bash
# Evidence ingest over HTTP on 127.0.0.1, against the server jar with its embedded PostgreSQL:
#   (a) 1 MB JUnit reports POSTed one after another (each distinct, so each is stored, hashed, parsed and recorded
#       with its ledger entry), then the same bytes again (answered from the existing row): latency p50/p95/p99;
#   (b) a generated 300 MB CycloneDX JSON SBOM POSTed to a server started with -Xmx256m: status, time, MB/s, and the
#       server JVM's peak resident memory (VmHWM).
#
# Usage: bench/evidence/ingest.sh [runs]      (runs of (a), default 3; (b) runs once)
#   GREENLIGHT_JAR=path   the jar (default server/target/greenlight-server.jar; built when missing)
#   COUNT=200 WARMUP=30   requests measured and warm-up requests per run of (a)
#   SBOM_MB=300           size of (b)'s SBOM; SBOM_MB=0 skips (b)
# Every process the script starts is stopped when it ends, also on failure or Ctrl-C. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh

runs=${1:-3}
count=${COUNT:-200}
warmup=${WARMUP:-30}
sbom_mb=${SBOM_MB:-300}
BENCH_NAME=ingest source bench/lib/server.sh

# start_server, then the project every run uploads to.
start_bench_server() {
  start_server "$@"
  curl -fs -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d '{"slug":"bench","name":"Bench"}' "$base/api/v1/projects" >/dev/null
}

new_release() {
  curl -fs -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"version\":\"$1\",\"commitSha\":\"$(printf 'a%.0s' $(seq 1 40))\"}" "$base/api/v1/projects/bench/releases" >/dev/null
  echo "/api/v1/projects/bench/releases/$1"
}

echo "# evidence ingest, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
start_bench_server junit
for run in $(seq 1 "$runs"); do
  echo "## (a) run $run: ${count} x 1 MB JUnit (after ${warmup} warm-up), load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA_HOME/bin/java" bench/evidence/IngestBench.java junit "$base" "$key" "$(new_release "1.0.$run")" "$warmup" "$count"
done
stop_server

if [ "$sbom_mb" -gt 0 ]; then
  echo "## (b) ${sbom_mb} MB CycloneDX JSON, server -Xmx256m, GREENLIGHT_EVIDENCE_MAX_BYTES=1GB"
  GREENLIGHT_EVIDENCE_MAX_BYTES=1GB start_bench_server sbom -Xmx256m
  release=$(new_release 2.0.0)
  peak_file="$work/peak"
  ( while kill -0 "$server_pid" 2>/dev/null; do awk '/VmHWM/ {print $2}' "/proc/$server_pid/status" > "$peak_file" 2>/dev/null || true; sleep 0.5; done ) &
  watcher=$!
  "$JAVA_HOME/bin/java" bench/evidence/IngestBench.java sbom "$base" "$key" "$release" "$sbom_mb" "$work/bom.json"
  rm -f "$work/bom.json"
  sleep 1
  echo "sbom server_peak_rss_mb=$(( $(cat "$peak_file") / 1024 )) heap_limit_mb=256 out_of_memory=$(grep -c OutOfMemoryError "$work/sbom/server.log" || true)"
  kill "$watcher" 2>/dev/null || true
fi
