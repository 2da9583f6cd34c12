package dev.greenlight.evidence.merge;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.EvidenceFacts;

/**
 * The facts of one stored evidence file with what identifies it, so that merged facts can say which evidence each
 * family came from.
 *
 * @param evidenceId the id the API reports for the evidence
 * @param type the evidence format; its family must be the facts' family
 * @param sha256 the evidence file's digest, reported with the sources
 * @param uploadedAt when the file was uploaded, which decides which VEX statement and which k6 run is the latest
 */
public record SourcedFacts(String evidenceId, EvidenceType type, String sha256, Instant uploadedAt, EvidenceFacts facts) {

    public SourcedFacts {
        requireNonNull(evidenceId, "evidenceId is null");
        requireNonNull(type, "type is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(uploadedAt, "uploadedAt is null");
        requireNonNull(facts, "facts is null");
        if (facts.family() != type.family()) {
            throw new IllegalArgumentException("evidence " + evidenceId + " is " + type.wireName() + " but has "
                    + facts.family().prefix() + " facts");
        }
    }
}
