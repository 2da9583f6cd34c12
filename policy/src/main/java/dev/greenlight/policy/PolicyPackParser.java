package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

/**
 * Reads a policy pack from YAML, strictly: unknown keys, duplicate keys or rule ids, bad enums, tests that expect
 * outcomes of unknown rules are all refused, with line and column. The YAML itself is limited (1 MiB, nesting depth
 * 32, no anchors or aliases, one document). Rules' expressions are checked when the pack is compiled
 * ({@link PolicyCompiler}). Thread-safe.
 */
public final class PolicyPackParser {
    private PolicyPackParser() {
    }

    /**
     * Parses a pack.
     *
     * @param sourceName names the YAML in problems (a file name)
     * @throws PolicyException with every problem found, each with its line and column where known, and the source name
     */
    public static PolicyPack parse(byte[] yaml, String sourceName) throws PolicyException {
        requireNonNull(yaml, "yaml is null");
        requireNonNull(sourceName, "sourceName is null");
        try {
            return PackReader.read(yaml, YamlTreeReader.read(yaml));
        } catch (PolicyException e) {
            throw new PolicyException(sourceName, e.problems());
        }
    }
}
