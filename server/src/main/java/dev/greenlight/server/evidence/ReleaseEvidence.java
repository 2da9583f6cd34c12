package dev.greenlight.server.evidence;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.greenlight.server.identity.Principal;
import dev.greenlight.server.identity.Principals;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.releases.Release;

/** A release's evidence as other features' pages list it: the same items the evidence API lists, newest first. */
@Service
public class ReleaseEvidence {
    private final EvidenceRepository repository;
    private final Principals principals;

    ReleaseEvidence(EvidenceRepository repository, Principals principals) {
        this.repository = repository;
        this.principals = principals;
    }

    public Page<Item> of(Release release, PageRequest page) {
        return repository.list(release, page).map(evidence -> new Item(evidence.id().toString(), evidence.type().wireName(),
                evidence.fileName(), evidence.sha256(), evidence.size(), evidence.summary(), evidence.ledgerIndex(),
                principals.findById(evidence.workspaceId(), evidence.uploadedBy()).map(Principal::name).orElse(null),
                evidence.uploadedAt()));
    }

    /** One evidence file; {@code uploadedBy} is null when the uploader no longer exists. */
    public record Item(String id, String type, @Nullable String fileName, String sha256, long size, Map<String, Object> summary,
            long ledgerIndex, @Nullable String uploadedBy, Instant uploadedAt) {
    }
}
