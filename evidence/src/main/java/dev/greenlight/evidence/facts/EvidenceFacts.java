package dev.greenlight.evidence.facts;

import java.util.Map;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * The facts of one evidence file. {@link #toMap()} is the contract with policies: a JSON-like tree of String,
 * Long, Double, Boolean, List and Map values whose names docs/facts.md documents, without the family prefix.
 */
public sealed interface EvidenceFacts
        permits TestFacts, CoverageFacts, SbomFacts, VulnerabilityFacts, SastFacts, PerformanceFacts, VexFacts, ProvenanceFacts {

    FactFamily family();

    Map<String, Object> toMap();
}
