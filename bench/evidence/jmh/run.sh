#!/usr/bin/env bash
# Evidence parser throughput with JMH: each format's parser (EvidenceReader.read with the type declared) on a
# generated file of about 12 MB, against a baseline that reads the same bytes with the same library doing the minimum
# (StAX counting start elements, jackson-core counting tokens, a BufferedReader counting lines), in the same run.
# Each format's baseline and parser run back to back (Driver), so that load drifting on a shared machine affects both
# numbers of a ratio alike. Prints a Markdown table: format, size, parser MB/s, baseline MB/s, ratio.
#
# Usage: bench/evidence/jmh/run.sh [quick|full]
#   quick  1 fork per benchmark, 4 warm-ups and 3 measurements of 1 s: about 3.5 min
#   full   3 forks per benchmark, 4 warm-ups and 4 measurements of 1 s: about 11 min
#   bench/evidence/jmh/run.sh summary FILE.json...   per-run tables and medians of earlier runs' JSON results
#   BENCH_FORMATS=junit,sarif   only these formats (ids as in Format.java)
#   BENCH_OUT=dir               where results go (default bench/evidence/jmh/out: <profile>-<time>.json and .md)
#   KEEP=1                      keep the temporary directory (private copy of the tree, build and JMH logs)
# The library and the benchmarks are built from a private copy of the working tree in a temporary directory, with an
# aggregator that has the evidence module and this project as its modules: nothing is written to the modules' target
# directories (which concurrent builds share) or installed into ~/.m2. Every process the script starts is stopped
# when it ends, also on failure or Ctrl-C. Not part of the build or the test suite.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
source scripts/find-jdk.sh

profile=${1:-quick}
case "$profile" in
  quick) jmh_options=(-f 1 -wi 4 -w 1s -i 3 -r 1s -foe true) ;;
  full) jmh_options=(-f 3 -wi 4 -w 1s -i 4 -r 1s -foe true) ;;
  summary) shift; [ $# -gt 0 ] || { echo "usage: bench/evidence/jmh/run.sh summary FILE.json..." >&2; exit 2; } ;;
  *) echo "usage: bench/evidence/jmh/run.sh [quick|full] | summary FILE.json..." >&2; exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/greenlight-parser-bench.XXXXXX")
child=""

cleanup() {
  local status=$?
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    # JMH's forked benchmark JVMs are the driver's children: stop them first, by their parent's id.
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

# Summaries of earlier runs name their files relative to where the script was called from.
if [ "$profile" = summary ]; then
  files=()
  for file in "$@"; do
    files+=("$(cd "$OLDPWD" && readlink -f "$file")")
  done
fi

echo "bench: building the evidence library and the benchmarks from a private copy of the tree in $work"
mkdir -p "$work/src"
tar --exclude=./.git --exclude='*/target' --exclude=./greenlight-data --exclude='./bench/*/out' --exclude='./bench/*/*/out' \
  -cf - . | tar -xf - -C "$work/src"
# What is measured: the commit, whether the library's sources differ from it, and a hash of those sources as copied.
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- evidence/src/main 2>/dev/null && [ -z "$(git ls-files --others --exclude-standard evidence/src/main 2>/dev/null)" ] \
  || commit="$commit + uncommitted changes in evidence/src/main"
sources=$(cd "$work/src" && find evidence/src/main -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12)
cat >"$work/src/bench-evidence-jmh-reactor.xml" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.greenlight</groupId>
  <artifactId>greenlight-bench-evidence-jmh-reactor</artifactId>
  <version>0.1.0-SNAPSHOT</version>
  <packaging>pom</packaging>
  <modules>
    <module>evidence</module>
    <module>bench/evidence/jmh</module>
  </modules>
</project>
EOF
maven() {
  # Offline first (the usual case here); online only to fetch what is missing, such as JMH on a new machine.
  (cd "$work/src" && { ./mvnw -B -q -o "$@" >"$work/maven.log" 2>&1 || ./mvnw -B -q "$@" >"$work/maven.log" 2>&1; }) \
    || { cat "$work/maven.log" >&2; exit 1; }
}
maven -f bench-evidence-jmh-reactor.xml package -Dmaven.test.skip=true
jar="$work/src/bench/evidence/jmh/target/benchmarks.jar"
java=("$JAVA_HOME/bin/java")

if [ "$profile" = summary ]; then
  "${java[@]}" -cp "$jar" dev.greenlight.bench.evidence.Summary "${files[@]}"
  exit 0
fi

out_dir=${BENCH_OUT:-$root/bench/evidence/jmh/out}
mkdir -p "$out_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
json="$out_dir/$profile-$stamp.json"
out="$out_dir/$profile-$stamp.md"
formats=()
[ -n "${BENCH_FORMATS:-}" ] && formats=(${BENCH_FORMATS//,/ })

echo "bench: checking the generated inputs (detected as their format, parsed, counted)"
run "${java[@]}" -cp "$jar" dev.greenlight.bench.evidence.Inputs "${formats[@]}" >"$work/inputs.md" 2>"$work/inputs.log" \
  || { cat "$work/inputs.log" >&2; exit 1; }
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: JMH ($profile: ${jmh_options[*]}), load average $load_start; log in $work/jmh.log"
run "${java[@]}" -Dbench.formats="${BENCH_FORMATS:-}" -cp "$jar" dev.greenlight.bench.evidence.Driver "$json" "${jmh_options[@]}" \
  >"$work/jmh.log" 2> >(tee "$work/driver.err" | grep --line-buffered '^bench:' | sed -u 's/^/  /' >&2) \
  || { tail -50 "$work/jmh.log" "$work/driver.err" >&2; exit 1; }
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# Evidence parser throughput ($profile)"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), commit $commit (evidence/src/main as measured: sha256 $sources),"
  echo "$(nproc) cores, $("${java[@]}" -version 2>&1 | head -1), JMH 1.37 (${jmh_options[*]}, AverageTime),"
  echo "load average $load_start at the start, $load_end at the end. JSON: $(basename "$json")."
  echo
  echo "Inputs:"
  echo
  cat "$work/inputs.md"
  echo
  echo "MB = 10^6 bytes; MB/s = input size / mean time per file (in parentheses: slowest–fastest iteration);"
  echo "ratio = parser MB/s / baseline MB/s."
  echo
  "${java[@]}" -cp "$jar" dev.greenlight.bench.evidence.Summary "$json"
} >"$out"
echo "bench: results in $out"
cat "$out"
