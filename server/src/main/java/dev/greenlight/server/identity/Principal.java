package dev.greenlight.server.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.platform.PrincipalKind;

/** A user or service account of one workspace. */
public record Principal(
        UUID id,
        UUID workspaceId,
        PrincipalKind kind,
        String name,
        String displayName,
        @Nullable String email,
        @Nullable String description,
        @Nullable String oidcSubject,
        boolean instanceAdmin,
        @Nullable Instant lockedUntil,
        @Nullable Instant disabledAt,
        Instant createdAt) {

    public Principal {
        requireNonNull(id, "id is null");
        requireNonNull(workspaceId, "workspaceId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }
}
