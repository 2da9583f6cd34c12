package dev.greenlight.server.gates;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.greenlight.server.evidence.ReleaseFacts;
import dev.greenlight.server.releases.Release;

/**
 * A release's merged facts with their digest, kept until the release gets more evidence: merging and digesting are
 * the expensive part of a readiness request, and evidence is only ever added.
 */
@Component
class FactsSnapshots {
    /** Releases being looked at in the same days; beyond this the cache starts over rather than grow. */
    private static final int MAX_CACHED = 2_000;

    private final ReleaseFacts releaseFacts;
    private final Map<UUID, Snapshot> byRelease = new ConcurrentHashMap<>();

    FactsSnapshots(ReleaseFacts releaseFacts) {
        this.releaseFacts = releaseFacts;
    }

    record Snapshot(String evidenceVersion, Map<String, Object> facts, String digest, List<GateInputs.EvidenceInput> evidence) {
    }

    Snapshot of(Release release) {
        String version = releaseFacts.evidenceVersion(release);
        Snapshot cached = byRelease.get(release.id());
        if (cached != null && cached.evidenceVersion().equals(version)) {
            return cached;
        }
        ReleaseFacts.Merged merged = releaseFacts.of(release);
        // Read under the same version: evidence that arrived between the two queries gives a newer version next time.
        Snapshot snapshot = new Snapshot(version, merged.facts(), SortedJson.sha256(SortedJson.write(merged.facts())),
                merged.evidence().stream().map(one -> new GateInputs.EvidenceInput(one.id(), one.type(), one.sha256())).toList());
        if (byRelease.size() >= MAX_CACHED) {
            byRelease.clear();
        }
        byRelease.put(release.id(), snapshot);
        return snapshot;
    }
}
