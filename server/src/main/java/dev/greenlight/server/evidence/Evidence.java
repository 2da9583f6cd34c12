package dev.greenlight.server.evidence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceType;

/** One evidence file of a release, without its facts (which can be large and are loaded on their own). */
record Evidence(
        UUID id,
        UUID workspaceId,
        UUID releaseId,
        EvidenceType type,
        String mediaType,
        @Nullable String fileName,
        String sha256,
        long size,
        Map<String, Object> summary,
        long ledgerIndex,
        UUID uploadedBy,
        Instant uploadedAt) {
}
