package dev.greenlight.server.releases;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.ledger.CanonicalJson;

/**
 * One version of a project. {@code author} is who wrote the change; {@code createdBy} who registered it here.
 * {@code quarantine} lists the ids of its quarantined tests (see {@link #quarantine()}).
 */
public record Release(
        UUID id,
        UUID workspaceId,
        UUID projectId,
        String version,
        String commitSha,
        @Nullable Instant commitTime,
        List<Artifact> artifacts,
        @Nullable String author,
        Instant createdAt,
        UUID createdBy,
        List<String> quarantine) {

    public Release {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(commitSha, "commitSha is null");
        artifacts = List.copyOf(artifacts);
        requireNonNull(createdAt, "createdAt is null");
        quarantine = List.copyOf(quarantine);
    }

    /**
     * The hex SHA-256 of the artifacts as canonical JSON (RFC 8785), sorted by name: {@code [{"name":…,"sha256":…}]}.
     * The order they were listed in does not matter; any change of a name or digest changes it. Approvals bind to it.
     */
    public String artifactsDigest() {
        return digestOf(artifacts);
    }

    static String digestOf(List<Artifact> artifacts) {
        List<Map<String, Object>> canonical = artifacts.stream()
                .sorted(Comparator.comparing(Artifact::name))
                .map(artifact -> Map.<String, Object>of("name", artifact.name(), "sha256", artifact.sha256()))
                .toList();
        return sha256(CanonicalJson.serialize(canonical));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A shipped file, identified by its SHA-256. */
    public record Artifact(String name, String sha256) {
        public Artifact {
            requireNonNull(name, "name is null");
            requireNonNull(sha256, "sha256 is null");
        }
    }
}
