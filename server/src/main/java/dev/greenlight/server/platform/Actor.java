package dev.greenlight.server.platform;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who did something, for the record: a principal acting through a request, or the system itself (first start,
 * background jobs), which has no principal id.
 */
public record Actor(@Nullable UUID principalId, String name, UUID workspaceId, String workspaceSlug) {
    public static final String SYSTEM = "system";

    public Actor {
        requireNonNull(name, "name is null");
        requireNonNull(workspaceId, "workspaceId is null");
        requireNonNull(workspaceSlug, "workspaceSlug is null");
    }

    public static Actor of(Caller caller) {
        return new Actor(caller.principalId(), caller.name(), caller.workspaceId(), caller.workspaceSlug());
    }

    public static Actor system(UUID workspaceId, String workspaceSlug) {
        return new Actor(null, SYSTEM, workspaceId, workspaceSlug);
    }
}
