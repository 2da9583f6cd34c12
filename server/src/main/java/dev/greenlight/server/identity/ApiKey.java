package dev.greenlight.server.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An API key as listed: everything but the secret, which is never stored. */
public record ApiKey(
        String id,
        UUID workspaceId,
        UUID principalId,
        String principalName,
        String name,
        List<String> scopes,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    public ApiKey {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        scopes = List.copyOf(scopes);
    }
}
