package dev.greenlight.policy;

/** A 1-based line and column in a pack's YAML. */
record SourcePosition(int line, int column) {
}
