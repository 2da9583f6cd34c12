#!/usr/bin/env bash
# Time from a health breach to the rollback request reaching the deployer, with a 5 s analysis interval (issue 7:
# p95 <= 10 s). Starts the server jar with its embedded PostgreSQL on 127.0.0.1, then bench/promotions/rollback_latency.py
# plays the CD system (a signed-webhook receiver) and the service (metrics pushed every 200 ms) and runs RUNS canaries
# that breach after 5-10 s of healthy traffic.
#
# Usage: bench/promotions/rollback-latency.sh [runs]     (default 20)
#   GREENLIGHT_JAR=path    the jar (default server/target/greenlight-server.jar; built when missing)
#   INTERVAL=5s            the analysis interval
# Not part of the test suite. Every process the script starts is stopped when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh

runs=${1:-20}
interval=${INTERVAL:-5s}
BENCH_NAME=rollback source bench/lib/server.sh

start_server data
python3 bench/promotions/rollback_latency.py "$base" "$key" "$runs" "$interval"
