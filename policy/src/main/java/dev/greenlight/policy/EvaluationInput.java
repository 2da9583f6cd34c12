package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What one evaluation reads.
 *
 * @param facts family → map of values, as {@code ReleaseFactsMerger} makes them; a family with no evidence is absent
 * @param parameters declared parameter name → value; declared defaults fill the rest
 * @param quarantine ids of the release's quarantined tests ({@code release.quarantine})
 */
public record EvaluationInput(Map<String, Object> facts, Map<String, Object> parameters, List<String> quarantine) {
    public EvaluationInput {
        requireNonNull(facts, "facts is null");
        requireNonNull(parameters, "parameters is null");
        quarantine = List.copyOf(requireNonNull(quarantine, "quarantine is null"));
    }
}
