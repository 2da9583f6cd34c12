package dev.greenlight.evidence.facts;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * An in-toto Statement v1 with an SLSA Provenance v1 predicate (plain, or the payload of a DSSE envelope): who built
 * what from which source. Whether a subject matches a release artifact is decided when facts are merged.
 */
public record ProvenanceFacts(
        String predicateType,
        @Nullable String builderId,
        @Nullable String buildType,
        @Nullable String sourceRepository,
        @Nullable String commit,
        List<Subject> subjects,
        boolean enveloped) implements EvidenceFacts {

    public ProvenanceFacts {
        subjects = List.copyOf(subjects);
    }

    /** An artifact the statement is about, with its digests by algorithm ({@code sha256} → hex). */
    public record Subject(String name, Map<String, String> digests) {
        public Subject {
            digests = Map.copyOf(digests);
        }

        Map<String, Object> toMap() {
            return FactMaps.create().put("name", name).put("digests", digests).build();
        }
    }

    @Override
    public FactFamily family() {
        return FactFamily.PROVENANCE;
    }

    @Override
    public Map<String, Object> toMap() {
        return FactMaps.create()
                .put("present", true)
                .put("predicateType", predicateType).put("builderId", builderId).put("buildType", buildType)
                .put("sourceRepository", sourceRepository).put("commit", commit)
                .put("subjects", subjects.stream().map(Subject::toMap).toList())
                .put("enveloped", enveloped)
                .build();
    }
}
