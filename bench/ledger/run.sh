#!/usr/bin/env bash
# Ledger benchmarks: append rate through the in-process port against plain INSERTs, time from append to a signed
# checkpoint, and inclusion-proof latency (in-process, HTTP, and JMH), at growing log sizes. Everything runs on
# 127.0.0.1: Greenlight in-process with its own embedded PostgreSQL in a temporary data directory.
#
# Usage: bench/ledger/run.sh [quick|full]
#   quick  log sizes 10^4 and 10^5, short trials, append and checkpoint measurements only at the last size: about 5 min
#   full   log sizes 10^4, 10^5 and 10^6, longer and more repeated trials, JMH with 3 forks: about half an hour
#   BENCH_OUT=file     where the Markdown results go (default bench/ledger/out/<profile>-<time>.md)
#   BENCH_SIZES="..."  other log sizes, ascending
#   KEEP=1             keep the temporary directory (data directory, logs, JMH JSON) for a look afterwards
# Every process the script starts is stopped when it ends, also on failure or Ctrl-C. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
source scripts/find-jdk.sh

profile=${1:-quick}
case "$profile" in
  quick) sizes=${BENCH_SIZES:-"10000 100000"}; jmh_options=(-f 1 -wi 2 -w 2s -i 3 -r 2s) ;;
  full) sizes=${BENCH_SIZES:-"10000 100000 1000000"}; jmh_options=(-f 3 -wi 3 -w 2s -i 5 -r 2s) ;;
  *) echo "usage: bench/ledger/run.sh [quick|full]" >&2; exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/greenlight-ledger-bench.XXXXXX")
mkdir -p bench/ledger/out
out=${BENCH_OUT:-$root/bench/ledger/out/$profile-$(date -u +%Y%m%dT%H%M%SZ).md}
child=""

cleanup() {
  local status=$?
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  # A benchmark JVM that died hard leaves its embedded PostgreSQL running: stop that postmaster by its pid.
  local pidfile="$work/data/postgres/postmaster.pid"
  if [ -f "$pidfile" ]; then
    local postmaster
    postmaster=$(head -1 "$pidfile")
    if [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null; then
      kill -TERM "$postmaster" 2>/dev/null || true
      sleep 2
    fi
  fi
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
  # Offline first (the usual case here); online only to fetch what is missing, such as JMH on a new machine.
  ./mvnw -B -q -o "$@" >"$work/maven.log" 2>&1 || ./mvnw -B -q "$@" >"$work/maven.log" 2>&1 || { cat "$work/maven.log" >&2; exit 1; }
}

echo "bench: building the server's classes and the benchmarks in $work"
maven -pl server -am compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/server.cp"
maven -f bench/ledger/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/tools.cp"
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
tools=$(cat "$work/tools.cp")
mkdir -p "$work/bench-classes"
javac --release 21 -proc:full -nowarn -cp "$classpath:$tools" -processorpath "$tools" -d "$work/bench-classes" \
  $(find bench/ledger/src/main/java -name '*.java')
classpath="$work/bench-classes:$classpath:$tools"

{
  echo "# Ledger benchmarks ($profile)"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- server ledger 2>/dev/null || echo ' (server or ledger sources modified)'),"
  echo "$(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start."
} >"$out"

data="$work/data"
mkdir -p "$data"
last=${sizes##* }
for size in $sizes; do
  echo "bench: stage $size (log in $work/stage-$size.log)"
  scope=()
  [ "$profile" = quick ] && [ "$size" != "$last" ] && scope=(proofs-only)
  run "$JAVA_HOME/bin/java" -Xmx2g -cp "$classpath" dev.greenlight.server.ledger.LedgerBench "$data" "$size" "$profile" "$out" "${scope[@]}" \
    >"$work/stage-$size.log" 2>&1 || { tail -50 "$work/stage-$size.log" >&2; exit 1; }
  grep -E '^(grow|proofs|checkpoint|\|)' "$work/stage-$size.log" | sed 's/^/  /' || true
  echo "bench: JMH proof benchmark at $size"
  run "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" org.openjdk.jmh.Main 'dev.greenlight.server.ledger.ProofBenchmark' \
    -p dataDir="$data" "${jmh_options[@]}" -rf json -rff "$work/jmh-$size.json" >"$work/jmh-$size.log" 2>&1 \
    || { tail -50 "$work/jmh-$size.log" >&2; exit 1; }
  run "$JAVA_HOME/bin/java" -cp "$classpath" dev.greenlight.server.ledger.JmhSummary "$work/jmh-$size.json" "$size" "$out" >/dev/null
done
echo "bench: results in $out"
cat "$out"
