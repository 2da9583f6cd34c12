# Shared by the HTTP benchmarks (source it from the repository root, after scripts/find-jdk.sh): builds the server
# jar when it is missing, makes a work directory that is removed at the end, and starts and stops the server with its
# embedded PostgreSQL on 127.0.0.1. A server still running when the script ends is stopped.
#   GREENLIGHT_JAR=path    the jar (default server/target/greenlight-server.jar)
#   BENCH_NAME=name        names the work directory (default bench)

jar=${GREENLIGHT_JAR:-server/target/greenlight-server.jar}
command -v curl >/dev/null || { echo "bench: curl is needed" >&2; exit 1; }
if [ ! -f "$jar" ]; then
  echo "bench: building $jar ..." >&2
  ./mvnw -B -q -ntp package -Dmaven.test.skip=true -pl server -am
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/greenlight-${BENCH_NAME:-bench}.XXXXXX")
server_pid=""

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 400); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
bench_cleanup() {
  local status=$?
  stop_server
  rm -rf "$work"
  exit $status
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start_server NAME [JAVA_OPTS...]: a fresh data directory $work/NAME, no rate limits; sets base, key and server_pid.
start_server() {
  local name=$1
  shift
  local data="$work/$name"
  mkdir -p "$data"
  local port
  port=$(free_port)
  GREENLIGHT_DATA_DIR="$data" GREENLIGHT_PORT="$port" GREENLIGHT_MANAGEMENT_PORT="$(free_port)" \
    GREENLIGHT_RATE_LIMIT_PER_CREDENTIAL=0 GREENLIGHT_RATE_LIMIT_PER_ADDRESS=0 \
    "$JAVA_HOME/bin/java" "$@" -jar "$jar" > "$data/server.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 1800); do
    if curl -fs "$base/readyz" >/dev/null 2>&1; then break; fi
    kill -0 "$server_pid" 2>/dev/null || { echo "bench: the server exited; see its log:" >&2; tail -20 "$data/server.log" >&2; exit 1; }
    sleep 0.1
  done
  key=$(cat "$data/bootstrap-admin-key")
}
