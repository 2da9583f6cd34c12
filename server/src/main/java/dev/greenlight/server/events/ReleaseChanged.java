package dev.greenlight.server.events;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something about a release changed. Publish it inside the transaction that made the change; listeners use
 * {@code @TransactionalEventListener} (after commit), so a change that was rolled back is never announced.
 *
 * @param workspaceId the workspace of the release; events never cross workspaces
 * @param environment the environment the change concerns, or {@code null} for all of them (evidence)
 */
public record ReleaseChanged(UUID workspaceId, String project, String version, @Nullable String environment, Kind kind) {

    public ReleaseChanged {
        requireNonNull(workspaceId, "workspaceId is null");
        requireNonNull(project, "project is null");
        requireNonNull(version, "version is null");
        requireNonNull(kind, "kind is null");
    }

    /** What changed; {@link #wireName()} is the SSE event name. */
    public enum Kind {
        EVIDENCE("evidence"), APPROVALS("approvals"), WAIVERS("waivers"), DECISIONS("decisions");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
