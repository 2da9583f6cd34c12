package dev.greenlight.server.evidence;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.PerformanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;
import tools.jackson.databind.json.JsonMapper;

/**
 * How facts are kept in the database: the typed record serialised by its components, so they come back as the same
 * record for merging (the documented {@code toMap()} names are a view, computed when shown). {@link #VERSION} names
 * this shape: a change to a facts record that breaks it takes a new version, and {@link FactsRefresh} then derives
 * the stored rows' facts again from their original bytes. Version 2: complete counts beside capped lists.
 */
final class StoredFacts {
    static final int VERSION = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredFacts() {
    }

    static String write(EvidenceFacts facts) {
        return JSON.writeValueAsString(facts);
    }

    static EvidenceFacts read(EvidenceType type, String json) {
        return JSON.readValue(json, recordOf(type.family()));
    }

    private static Class<? extends EvidenceFacts> recordOf(EvidenceType.FactFamily family) {
        return switch (family) {
            case TESTS -> TestFacts.class;
            case COVERAGE -> CoverageFacts.class;
            case SBOM -> SbomFacts.class;
            case VULNERABILITIES -> VulnerabilityFacts.class;
            case SAST -> SastFacts.class;
            case PERFORMANCE -> PerformanceFacts.class;
            case VEX -> VexFacts.class;
            case PROVENANCE -> ProvenanceFacts.class;
        };
    }
}
