#!/usr/bin/env bash
# Start-up benchmark of the server jar with its embedded PostgreSQL, all on 127.0.0.1:
#   (a) first start on a fresh data directory until /readyz answers 200 (includes initdb and the migrations),
#   (b) restart on that data directory until /readyz answers 200,
#   (c) idle resident memory after the restart: VmRSS of the JVM, and of the postmaster plus its children
#       (their VmRSS counts shared buffers once per process, so Pss is printed too).
# The CPU time the JVM used until ready is printed next to (a) and (b): on a busy machine it varies far less than the
# wall-clock time. Each of N runs (default 5) uses a new data directory; the summary is the median, minimum and maximum.
#
# Usage: bench/startup.sh [runs]
#   GREENLIGHT_JAR=path     the jar to start (default server/target/greenlight-server.jar; build it with
#                           ./mvnw -B -q package -Dmaven.test.skip=true -pl server -am)
#   GREENLIGHT_JAVA_OPTS    extra JVM options, as scripts/start passes them
#   IDLE_SECONDS=10         how long the server idles before its memory is read
# Every process the script starts is stopped when it ends, also on failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh

runs=${1:-5}
jar=${GREENLIGHT_JAR:-server/target/greenlight-server.jar}
idle_seconds=${IDLE_SECONDS:-10}
ready_timeout_seconds=180
stop_timeout_seconds=40

if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "bench: runs must be a positive number, not '$runs'" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  echo "bench: $jar is missing; build it with: ./mvnw -B -q package -Dmaven.test.skip=true -pl server -am" >&2
  exit 1
fi
command -v curl >/dev/null || { echo "bench: curl is needed" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/greenlight-bench.XXXXXX")
server_pid=""
ready_ms=0
ready_cpu_ms=0
log=""

# Stops the server started last: SIGTERM lets Greenlight shut down gracefully and stop its PostgreSQL.
stop_server() {
  [ -n "$server_pid" ] || return 0
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$server_pid" 2>/dev/null && [ "$waited" -lt $((stop_timeout_seconds * 10)) ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$server_pid" 2>/dev/null; then
      echo "bench: server $server_pid did not stop in ${stop_timeout_seconds}s; killing it" >&2
      kill -KILL "$server_pid" 2>/dev/null || true
    fi
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# A PostgreSQL outlives its JVM only when that JVM was killed; stop it by the pid in its own postmaster.pid.
stop_orphaned_postgres() {
  local pid_file pid
  for pid_file in "$work"/*/postgres/postmaster.pid; do
    [ -f "$pid_file" ] || continue
    pid=$(head -n 1 "$pid_file")
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$work"; then
      echo "bench: stopping PostgreSQL $pid left behind in ${pid_file%/postmaster.pid}" >&2
      kill -INT "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_server
  stop_orphaned_postgres
  if [ "$status" -ne 0 ] && [ -n "${log:-}" ] && [ -f "$log" ]; then
    echo "bench: failed; the last server log lines:" >&2
    tail -n 20 "$log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

is_listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A free port below the kernel's ephemeral range, where port-0 listeners of other programs land.
free_port() {
  local low port
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for _ in $(seq 1 50); do
    port=$((10000 + RANDOM % (low - 10000)))
    if ! is_listening "$port"; then
      echo "$port"
      return 0
    fi
  done
  echo "bench: no free port found" >&2
  return 1
}

now_ms() {
  echo $(($(date +%s%N) / 1000000))
}

# Starts the jar on a data directory; sets server_pid, and ready_ms to the milliseconds until /readyz answered 200.
# Not to be called in a subshell: the caller must know the pid to stop the server. Another program may take the
# chosen port between the check and the start; then the start is retried on other ports. With "fresh" as second
# argument the data directory is emptied before each attempt.
start_server() {
  local data_dir=$1 fresh=${2:-}
  for _ in 1 2 3; do
    # A first start must find an empty data directory, also when it is tried again.
    [ "$fresh" != fresh ] || rm -rf "$data_dir"
    if start_server_once "$data_dir"; then
      return 0
    fi
    if [ -n "$server_pid" ] || ! grep -q "was already in use" "$log"; then
      return 1
    fi
    echo "bench: a port was taken meanwhile; starting again on other ports" >&2
  done
  return 1
}

start_server_once() {
  local data_dir=$1 port management_port started deadline code
  port=$(free_port)
  management_port=$(free_port)
  [ "$port" != "$management_port" ] || management_port=$(free_port)
  log="$data_dir.log"
  : >"$log"
  started=$(now_ms)
  # shellcheck disable=SC2086 # GREENLIGHT_JAVA_OPTS holds several options
  env -u GREENLIGHT_DATABASE_URL -u GREENLIGHT_DATABASE_USER -u GREENLIGHT_DATABASE_PASSWORD \
    GREENLIGHT_DATA_DIR="$data_dir" GREENLIGHT_PORT="$port" GREENLIGHT_BIND=127.0.0.1 \
    GREENLIGHT_MANAGEMENT_PORT="$management_port" GREENLIGHT_MANAGEMENT_BIND=127.0.0.1 \
    "$JAVA_HOME/bin/java" ${GREENLIGHT_JAVA_OPTS:-} -jar "$jar" >>"$log" 2>&1 &
  server_pid=$!
  deadline=$((started + ready_timeout_seconds * 1000))
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/readyz" || true)
    [ "$code" = "200" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      wait "$server_pid" 2>/dev/null || true
      server_pid=""
      echo "bench: the server exited before it was ready (log: $log)" >&2
      return 1
    fi
    if [ "$(now_ms)" -gt "$deadline" ]; then
      echo "bench: not ready after ${ready_timeout_seconds}s" >&2
      return 1
    fi
    sleep 0.05
  done
  ready_ms=$(($(now_ms) - started))
  ready_cpu_ms=$(cpu_ms "$server_pid")
}

# CPU time (user + system) a process has used so far, with the children it waited for (initdb, pg_ctl), in ms.
# Unlike the wall-clock time it hardly changes when other programs compete for the cores.
cpu_ms() {
  local ticks
  # Fields 14-17 of /proc/<pid>/stat, counted after the ")" that ends the command name.
  ticks=$(sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 + $14 + $15 }')
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

# Prints "<field> in MiB" of one process from /proc, 0 if it is gone.
memory_mib() {
  local pid=$1 file=$2 field=$3 kib
  kib=$(awk -v field="$field:" '$1 == field { print $2; exit }' "/proc/$pid/$file" 2>/dev/null || true)
  echo $(( ${kib:-0} / 1024 ))
}

# Prints "<rss> <pss>" in MiB of the postmaster of a data directory and of all its children.
postgres_memory_mib() {
  local data_dir=$1 postmaster rss=0 pss=0 pid
  postmaster=$(head -n 1 "$data_dir/postgres/postmaster.pid")
  for pid in "$postmaster" $(ps -o pid= --ppid "$postmaster"); do
    rss=$((rss + $(memory_mib "$pid" status VmRSS)))
    pss=$((pss + $(memory_mib "$pid" smaps_rollup Pss)))
  done
  echo "$rss $pss"
}

# Prints "median min max" of the numbers given.
summary() {
  printf '%s\n' "$@" | sort -n | awk '
    { value[NR] = $1 }
    END {
      median = (NR % 2) ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2
      printf "%d %d %d\n", median, value[1], value[NR]
    }'
}

first_start=() first_start_cpu=() restart=() restart_cpu=() jvm_rss=() postgres_rss=() postgres_pss=()
java_version=$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)
echo "bench: $runs runs of $jar with $java_version on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

for run in $(seq 1 "$runs"); do
  data_dir="$work/run-$run"
  start_server "$data_dir" fresh
  first=$ready_ms first_cpu=$ready_cpu_ms
  stop_server
  [ ! -f "$data_dir/postgres/postmaster.pid" ] || { echo "bench: PostgreSQL did not stop cleanly" >&2; exit 1; }
  start_server "$data_dir"
  again=$ready_ms again_cpu=$ready_cpu_ms
  sleep "$idle_seconds"
  jvm=$(memory_mib "$server_pid" status VmRSS)
  read -r pg_rss pg_pss < <(postgres_memory_mib "$data_dir")
  stop_server
  first_start+=("$first") first_start_cpu+=("$first_cpu") restart+=("$again") restart_cpu+=("$again_cpu")
  jvm_rss+=("$jvm") postgres_rss+=("$pg_rss") postgres_pss+=("$pg_pss")
  echo "run $run: first start ${first} ms (CPU ${first_cpu} ms), restart ${again} ms (CPU ${again_cpu} ms)," \
    "idle JVM RSS ${jvm} MiB, PostgreSQL RSS ${pg_rss} MiB (Pss ${pg_pss} MiB); load $(cut -d' ' -f1 /proc/loadavg)" >&2
done

echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo
echo "| measure ($runs runs) | median | min | max |"
echo "|---|---:|---:|---:|"
row() {
  local name=$1 unit=$2 median min max
  shift 2
  read -r median min max < <(summary "$@")
  echo "| $name | $median $unit | $min $unit | $max $unit |"
}
row "first start to /readyz 200 (fresh data dir, initdb)" ms "${first_start[@]}"
row "CPU time of that first start (JVM + initdb, pg_ctl)" ms "${first_start_cpu[@]}"
row "restart to /readyz 200 (existing data dir)" ms "${restart[@]}"
row "CPU time of that restart" ms "${restart_cpu[@]}"
row "idle RSS, JVM" MiB "${jvm_rss[@]}"
row "idle RSS, PostgreSQL (postmaster + children, summed)" MiB "${postgres_rss[@]}"
row "idle Pss, PostgreSQL (postmaster + children)" MiB "${postgres_pss[@]}"
