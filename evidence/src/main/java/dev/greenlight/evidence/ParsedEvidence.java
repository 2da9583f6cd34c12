package dev.greenlight.evidence;

import static java.util.Objects.requireNonNull;

import dev.greenlight.evidence.facts.EvidenceFacts;

/** A file's format and the facts read from it. */
public record ParsedEvidence(EvidenceType type, EvidenceFacts facts) {
    public ParsedEvidence {
        requireNonNull(type, "type is null");
        requireNonNull(facts, "facts is null");
        if (type.family() != facts.family()) {
            throw new IllegalArgumentException(type + " yields " + type.family() + " facts, not " + facts.family());
        }
    }
}
