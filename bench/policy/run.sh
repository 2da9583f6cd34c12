#!/usr/bin/env bash
# Policy evaluation latency with JMH: CompiledPack.evaluate for a 50-rule pack (the baseline pack's rules and 40 more)
# over a large release's facts (2,000 vulnerability findings, 500 components, 10,000 tests with 20 failed), against the
# same 50 checks in plain Java over the same maps, in the same JMH run. Sample time: p50/p99 per evaluation.
# Runs JMH RUNS times (default 3), then prints each run's table and the medians.
#
# Usage: bench/policy/run.sh [quick|full]
#   quick  1 fork, 5 warm-ups of 1 s and 5 measurements of 2 s per benchmark: about 40 s per run
#   full   3 forks, 5 warm-ups of 1 s and 10 measurements of 2 s per benchmark: about 4 min per run
#   bench/policy/run.sh summary FILE.json...   per-run tables and medians of earlier runs' JSON results
#   RUNS=1                      how many JMH runs (default 3)
#   BENCH_OUT=dir               where results go (default bench/policy/out: <profile>-<time>-<run>.json and .md)
#   KEEP=1                      keep the temporary directory (private copy of the tree, build and JMH logs)
# The libraries and the benchmarks are built from a private copy of the working tree in a temporary directory, with an
# aggregator that has the evidence and policy modules and this project as its modules: nothing is written to the
# modules' target directories (which concurrent builds share) or installed into ~/.m2. Every process the script starts
# is stopped when it ends, also on failure or Ctrl-C. Not part of the build or the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
source scripts/find-jdk.sh

profile=${1:-quick}
case "$profile" in
  quick) jmh_options=(-f 1 -wi 5 -w 1s -i 5 -r 2s -foe true) ;;
  full) jmh_options=(-f 3 -wi 5 -w 1s -i 10 -r 2s -foe true) ;;
  summary) shift; [ $# -gt 0 ] || { echo "usage: bench/policy/run.sh summary FILE.json..." >&2; exit 2; } ;;
  *) echo "usage: bench/policy/run.sh [quick|full] | summary FILE.json..." >&2; exit 2 ;;
esac
runs=${RUNS:-3}

work=$(mktemp -d "${TMPDIR:-/tmp}/greenlight-policy-bench.XXXXXX")
child=""

cleanup() {
  local status=$?
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    # JMH's forked benchmark JVMs are its children: stop them first, by their parent's id.
    pkill -TERM -P "$child" 2>/dev/null || true
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
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

if [ "$profile" = summary ]; then
  files=()
  for file in "$@"; do
    files+=("$(cd "$OLDPWD" && readlink -f "$file")")
  done
fi

echo "bench: building the evidence and policy libraries and the benchmarks from a private copy of the tree in $work"
mkdir -p "$work/src"
tar --exclude=./.git --exclude='*/target' --exclude=./greenlight-data --exclude='./bench/*/out' --exclude='./bench/*/*/out' \
  -cf - . | tar -xf - -C "$work/src"
# What is measured: the commit, whether the library's sources differ from it, and a hash of those sources as copied.
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- policy/src/main 2>/dev/null && [ -z "$(git ls-files --others --exclude-standard policy/src/main 2>/dev/null)" ] \
  || commit="$commit + uncommitted changes in policy/src/main"
sources=$(cd "$work/src" && find policy/src/main -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12)
cat >"$work/src/bench-policy-jmh-reactor.xml" <<'XML'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.greenlight</groupId>
  <artifactId>greenlight-bench-policy-jmh-reactor</artifactId>
  <version>0.1.0-SNAPSHOT</version>
  <packaging>pom</packaging>
  <modules>
    <module>evidence</module>
    <module>policy</module>
    <module>bench/policy</module>
  </modules>
</project>
XML
maven() {
  # Offline first (the usual case here); online only to fetch what is missing, such as JMH on a new machine.
  (cd "$work/src" && { ./mvnw -B -q -o "$@" >"$work/maven.log" 2>&1 || ./mvnw -B -q "$@" >"$work/maven.log" 2>&1; }) \
    || { cat "$work/maven.log" >&2; exit 1; }
}
maven -f bench-policy-jmh-reactor.xml package -Dmaven.test.skip=true
jar="$work/src/bench/policy/target/benchmarks.jar"
java=("$JAVA_HOME/bin/java")

if [ "$profile" = summary ]; then
  "${java[@]}" -cp "$jar" dev.greenlight.bench.policy.Summary "${files[@]}"
  exit 0
fi

out_dir=${BENCH_OUT:-$root/bench/policy/out}
mkdir -p "$out_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$out_dir/$profile-$stamp.md"

echo "bench: checking that CEL and plain Java agree on every check"
run "${java[@]}" -cp "$jar" dev.greenlight.bench.policy.Agreement >"$work/agreement.md" 2>"$work/agreement.log" \
  || { cat "$work/agreement.log" >&2; exit 1; }
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
results=()
for index in $(seq 1 "$runs"); do
  json="$out_dir/$profile-$stamp-$index.json"
  echo "bench: JMH run $index of $runs ($profile: ${jmh_options[*]}), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  run "${java[@]}" -jar "$jar" PolicyBenchmark "${jmh_options[@]}" -rf json -rff "$json" >"$work/jmh-$index.log" 2>&1 \
    || { tail -50 "$work/jmh-$index.log" >&2; exit 1; }
  results+=("$json")
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# Policy evaluation latency ($profile, $runs runs)"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), commit $commit (policy/src/main as measured: sha256 $sources),"
  echo "$(nproc) cores, $("${java[@]}" -version 2>&1 | head -1), JMH 1.37 (${jmh_options[*]}, SampleTime),"
  echo "load average $load_start at the start, $load_end at the end."
  echo
  cat "$work/agreement.md"
  echo
  "${java[@]}" -cp "$jar" dev.greenlight.bench.policy.Summary "${results[@]}"
} >"$out"
echo "bench: results in $out"
cat "$out"
