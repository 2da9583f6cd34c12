#!/usr/bin/env bash
# Job queue benchmark: throughput of no-op jobs through the real queue and db-scheduler on the embedded PostgreSQL,
# and the latency from enqueue to the handler starting, on the node that enqueued and on a second node sharing the
# database. Greenlight runs in-process with its default job settings (4 worker threads, 500 ms polling) and its own
# embedded PostgreSQL in a temporary data directory, everything on 127.0.0.1.
#
# Usage: bench/jobs/run.sh
#   RUNS=3           how many runs, each in a fresh JVM with a fresh database (default 3); medians at the end
#   JOBS=20000       jobs in the throughput measurement (default 20000), enqueued BATCH per transaction (default 500)
#   LATENCY_JOBS=2000 LATENCY_RATE=100   jobs and jobs/s of the same-node latency measurement; the other-node one
#                    uses a fifth of each (at least 100 jobs)
#   BENCH_OUT=file   where the Markdown results go (default bench/jobs/out/<time>.md, with the raw values in .md.tsv)
#   KEEP=1           keep the temporary directory (data directories, logs)
# Every process the script starts is stopped when it ends, also on failure or Ctrl-C. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
source scripts/find-jdk.sh

runs=${RUNS:-3}
jobs=${JOBS:-20000}
batch=${BATCH:-500}
latency_jobs=${LATENCY_JOBS:-2000}
latency_rate=${LATENCY_RATE:-100}

work=$(mktemp -d "${TMPDIR:-/tmp}/greenlight-jobs-bench.XXXXXX")
mkdir -p bench/jobs/out
out=${BENCH_OUT:-$root/bench/jobs/out/$(date -u +%Y%m%dT%H%M%SZ).md}
child=""

cleanup() {
  local status=$?
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  # A benchmark JVM that died hard leaves its embedded PostgreSQL running: stop that postmaster by its pid.
  local pidfile postmaster
  for pidfile in "$work"/run-*/node-a/postgres/postmaster.pid; do
    [ -f "$pidfile" ] || continue
    postmaster=$(head -1 "$pidfile")
    if [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null; then
      kill -TERM "$postmaster" 2>/dev/null || true
      sleep 2
    fi
  done
  if [ "${KEEP:-}" = 1 ]; then
    echo "bench: kept $work"
  else
    rm -rf "$work"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a command in the background so that cleanup can stop it, and waits for it.
run() {
  "$@" &
  child=$!
  wait "$child"
  child=""
}

maven() {
  ./mvnw -B -q -o "$@" >"$work/maven.log" 2>&1 || ./mvnw -B -q "$@" >"$work/maven.log" 2>&1 || { cat "$work/maven.log" >&2; exit 1; }
}

echo "bench: building the server's classes in $work"
maven -pl server -am compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/server.cp"
# Snapshot the compiled classes, so that another build in this tree cannot change them under the benchmark.
mkdir -p "$work/classes"
for module in ledger evidence policy cli server; do
  if [ -d "$module/target/classes" ]; then cp -r "$module/target/classes" "$work/classes/$module"; fi
done
classpath="$work/classes/server"
for entry in $(tr ':' ' ' <"$work/server.cp"); do
  case "$entry" in
    "$root"/*/target/classes) module=${entry#"$root/"}; classpath="$classpath:$work/classes/${module%%/*}" ;;
    *) classpath="$classpath:$entry" ;;
  esac
done
mkdir -p "$work/bench-classes"
"$JAVA_HOME/bin/javac" --release 21 -nowarn -cp "$classpath" -d "$work/bench-classes" $(find bench/jobs/src/main/java -name '*.java')
classpath="$work/bench-classes:$classpath"

{
  echo "# Job queue benchmark"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- server 2>/dev/null || echo ' (server sources modified)'),"
  echo "$(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start."
  echo
  echo "| run | measurement | setup | result | | |"
  echo "|---|---|---|---|---|---|"
} >"$out"

for n in $(seq 1 "$runs"); do
  echo "bench: run $n of $runs (load average $(cut -d' ' -f1 /proc/loadavg); log in $work/run-$n.log)"
  mkdir -p "$work/run-$n"
  run "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" dev.greenlight.bench.jobs.JobsBench "$work/run-$n" "$jobs" "$batch" \
    "$latency_jobs" "$latency_rate" "$out" "$n" >"$work/run-$n.log" 2>&1 || { tail -50 "$work/run-$n.log" >&2; exit 1; }
  grep -E '^(throughput|latency)' "$work/run-$n.log" | sed 's/^/  /' || true
done
"$JAVA_HOME/bin/java" -cp "$classpath" dev.greenlight.bench.jobs.JobsSummary "$out" >/dev/null
echo "bench: results in $out"
cat "$out"
