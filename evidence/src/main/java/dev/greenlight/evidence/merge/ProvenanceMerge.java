package dev.greenlight.evidence.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts.Subject;

/**
 * Provenance says what was built; it is worth something only if what was built is what the release ships. So the
 * subjects of every provenance file are matched by SHA-256 digest against the release's artifacts: subjects that match
 * no artifact, and artifacts no subject attests, are listed for policies to refuse. Who built it and from which
 * source come from the latest SLSA provenance (an SBOM attestation has subjects but no builder), else the latest file.
 */
final class ProvenanceMerge {
    private static final String SLSA_PROVENANCE = "https://slsa.dev/provenance/";

    private ProvenanceMerge() {
    }

    static Map<String, Object> merge(List<SourcedFacts> evidence, List<ReleaseArtifact> artifacts) {
        List<ProvenanceFacts> all = evidence.stream().map(one -> (ProvenanceFacts) one.facts()).toList();
        ProvenanceFacts main = all.reversed().stream().filter(facts -> facts.predicateType().startsWith(SLSA_PROVENANCE)).findFirst()
                .orElse(all.getLast());
        Set<Subject> subjects = new LinkedHashSet<>();
        all.forEach(facts -> subjects.addAll(facts.subjects()));
        Map<String, String> artifactByDigest = new HashMap<>();
        artifacts.forEach(artifact -> artifactByDigest.putIfAbsent(artifact.sha256(), artifact.name()));
        Set<String> attestedDigests = new LinkedHashSet<>();
        List<Map<String, Object>> subjectFacts = new ArrayList<>();
        List<String> unmatchedSubjects = new ArrayList<>();
        for (Subject subject : subjects) {
            String digest = subject.digests().get("sha256");
            String matched = digest == null ? null : artifactByDigest.get(digest.toLowerCase(Locale.ROOT));
            if (matched == null) {
                unmatchedSubjects.add(subject.name());
            } else {
                attestedDigests.add(digest.toLowerCase(Locale.ROOT));
            }
            subjectFacts.add(MergedMap.create().put("name", subject.name()).put("digests", new TreeMap<>(subject.digests()))
                    .put("matchedArtifact", matched).build());
        }
        List<String> matchedArtifacts = artifacts.stream().filter(artifact -> attestedDigests.contains(artifact.sha256()))
                .map(ReleaseArtifact::name).toList();
        List<String> unattestedArtifacts = artifacts.stream().filter(artifact -> !attestedDigests.contains(artifact.sha256()))
                .map(ReleaseArtifact::name).toList();
        boolean subjectsMatch = !subjects.isEmpty() && unmatchedSubjects.isEmpty();
        return MergedMap.startingWith(main.toMap())
                .put("subjects", List.copyOf(subjectFacts))
                .put("matchedArtifacts", matchedArtifacts)
                .put("unmatchedSubjects", List.copyOf(unmatchedSubjects))
                .put("unattestedArtifacts", unattestedArtifacts)
                .put("subjectsMatch", subjectsMatch)
                .put("mismatch", !subjectsMatch)
                .put("sources", Sources.of(evidence))
                .build();
    }
}
