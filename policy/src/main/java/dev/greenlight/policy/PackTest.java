package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test case embedded in a pack: facts (family → map, as merged; a family left out is absent), parameters,
 * a quarantine list, and the outcome expected of each named rule.
 */
public record PackTest(String name, Map<String, Object> facts, Map<String, Object> parameters, List<String> quarantine,
        Map<String, Outcome> expect) {
    public PackTest {
        requireNonNull(name, "name is null");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(facts, "facts is null")));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
        quarantine = List.copyOf(requireNonNull(quarantine, "quarantine is null"));
        expect = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(expect, "expect is null")));
    }
}
