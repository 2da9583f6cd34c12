package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed, not yet compiled, policy pack.
 *
 * @param id e.g. {@code greenlight/baseline}
 * @param version semantic version
 * @param parameters by name, in declaration order
 * @param rules in pack order, which is the order of results
 * @param sha256 hex SHA-256 of the YAML bytes as given, so a decision can name exactly which pack it used
 */
public record PolicyPack(String id, String version, String description, Map<String, ParameterDeclaration> parameters,
        List<Rule> rules, List<PackTest> tests, String sha256) {
    public PolicyPack {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(description, "description is null");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        tests = List.copyOf(requireNonNull(tests, "tests is null"));
        requireNonNull(sha256, "sha256 is null");
    }
}
