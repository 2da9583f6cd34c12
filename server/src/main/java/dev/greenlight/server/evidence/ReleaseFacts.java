package dev.greenlight.server.evidence;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.greenlight.evidence.merge.ReleaseArtifact;
import dev.greenlight.evidence.merge.ReleaseFactsMerger;
import dev.greenlight.evidence.merge.SourcedFacts;
import dev.greenlight.server.releases.Release;

/**
 * A release's facts: the merge of all its evidence (VEX applied to vulnerabilities, provenance subjects matched to the
 * release's artifacts), with the evidence each family came from. What gates evaluate.
 */
@Service
public class ReleaseFacts {
    private final EvidenceRepository repository;
    private final ReleaseFactsMerger merger;

    ReleaseFacts(EvidenceRepository repository, ReleaseFactsMerger merger) {
        this.repository = repository;
        this.merger = merger;
    }

    public Merged of(Release release) {
        List<EvidenceRepository.WithFacts> all = repository.allWithFacts(release);
        List<SourcedFacts> sourced = all.stream().map(one -> new SourcedFacts(one.evidence().id().toString(), one.evidence().type(),
                one.evidence().sha256(), one.evidence().uploadedAt(), one.facts())).toList();
        List<ReleaseArtifact> artifacts = release.artifacts().stream()
                .map(artifact -> new ReleaseArtifact(artifact.name(), artifact.sha256())).toList();
        List<Source> sources = all.stream().map(one -> new Source(one.evidence().id().toString(), one.evidence().type().wireName(),
                one.evidence().sha256())).toList();
        return new Merged(merger.merge(sourced, artifacts), sources);
    }

    /**
     * A token that changes whenever the release's evidence does: evidence is only ever added, so its count and newest
     * id tell. Lets callers keep a merge until it would differ, without merging to find out.
     */
    public String evidenceVersion(Release release) {
        return repository.version(release);
    }

    /** The merged facts by family, and every evidence file that went into them, oldest first. */
    public record Merged(Map<String, Object> facts, List<Source> evidence) {
    }

    public record Source(String id, String type, String sha256) {
    }
}
