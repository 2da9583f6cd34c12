#!/usr/bin/env bash
# Sourced by the other scripts: exports JAVA_HOME pointing at a JDK >= 21.
# Looks at JAVA_HOME, then the java on PATH, then every JDK under /usr/lib/jvm (newest first).

greenlight_java_major() {
  # Prints the major version of the java binary given as $1, or nothing.
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'
}

greenlight_find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  local dir
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidates+=("${dir%/}")
  done
  local home major
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(greenlight_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$home"
      return 0
    fi
  done
  return 1
}

if ! GREENLIGHT_JDK=$(greenlight_find_jdk); then
  echo "greenlight: no JDK 21 or newer found (looked at JAVA_HOME, the javac on PATH and /usr/lib/jvm/*)." >&2
  echo "greenlight: install one (for example Temurin 21 or 25) or point JAVA_HOME at it." >&2
  exit 1
fi
export JAVA_HOME="$GREENLIGHT_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
