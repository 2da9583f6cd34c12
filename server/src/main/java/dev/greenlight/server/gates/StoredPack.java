package dev.greenlight.server.gates;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One version of a policy pack as the workspace keeps it: the YAML exactly as uploaded and its SHA-256. The built-in
 * {@code greenlight/baseline} has no row ({@code id}, {@code uploadedBy} and {@code uploadedAt} null).
 */
record StoredPack(
        @Nullable UUID id,
        String packId,
        String version,
        String description,
        String sha256,
        int ruleCount,
        byte[] source,
        @Nullable String uploadedBy,
        @Nullable Instant uploadedAt) {

    StoredPack {
        requireNonNull(packId, "packId is null");
        requireNonNull(version, "version is null");
        requireNonNull(description, "description is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(source, "source is null");
    }

    boolean builtIn() {
        return id == null;
    }

    PackRef ref() {
        return new PackRef(packId, version, sha256);
    }

    /** What a readiness report or decision names: exactly which pack it used. */
    public record PackRef(String id, String version, String sha256) {
    }
}
