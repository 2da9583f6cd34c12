package dev.greenlight.server.events;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something about a release changed. Publish it inside the transaction that made the change: this feature turns it
 * into a PostgreSQL notification in that same transaction, so it is delivered only if the transaction commits, and
 * then to every node as a {@link ReleaseChangeCommitted}. Listen to that, not to this.
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

    /** What changed; {@link #wireName()} is the SSE event name and the name in the notification's payload. */
    public enum Kind {
        EVIDENCE("evidence"), APPROVALS("approvals"), WAIVERS("waivers"), DECISIONS("decisions"), PROMOTIONS("promotions");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The kind of a wire name; empty for one this version does not know (a newer node may send it). */
        public static Optional<Kind> fromWireName(String wireName) {
            return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst();
        }
    }
}
