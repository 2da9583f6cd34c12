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
jar=${GREENLIGHT_JAR:-server/target/greenlight-server.jar}
interval=${INTERVAL:-5s}
command -v curl >/dev/null || { echo "bench: curl is needed" >&2; exit 1; }
if [ ! -f "$jar" ]; then
  echo "bench: building $jar ..." >&2
  ./mvnw -B -q -ntp package -Dmaven.test.skip=true -pl server -am
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/greenlight-rollback.XXXXXX")
server_pid=""
cleanup() {
  local status=$?
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 400); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port=$(free_port)
GREENLIGHT_DATA_DIR="$work/data" GREENLIGHT_PORT="$port" GREENLIGHT_MANAGEMENT_PORT="$(free_port)" \
  GREENLIGHT_RATE_LIMIT_PER_CREDENTIAL=0 GREENLIGHT_RATE_LIMIT_PER_ADDRESS=0 \
  "$JAVA_HOME/bin/java" -jar "$jar" > "$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 1800); do
  if curl -fs "$base/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { echo "bench: the server exited; see its log:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
python3 bench/promotions/rollback_latency.py "$base" "$(cat "$work/data/bootstrap-admin-key")" "$runs" "$interval"
