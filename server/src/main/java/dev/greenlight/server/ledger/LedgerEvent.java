package dev.greenlight.server.ledger;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.platform.Caller;

/**
 * Something that happened, to be recorded: {@code kind} (such as {@code project.created}), in which workspace and
 * project, by whom, and what it concerned. The ledger adds the version and time and serialises it canonically.
 */
public record LedgerEvent(
        UUID workspaceId,
        String workspaceSlug,
        String kind,
        @Nullable String project,
        String actor,
        Map<String, Object> subject) {

    public LedgerEvent {
        requireNonNull(workspaceId, "workspaceId is null");
        requireNonNull(workspaceSlug, "workspaceSlug is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(actor, "actor is null");
        subject = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(subject, "subject is null")));
    }

    /** An event caused by the caller, outside any project. */
    public static LedgerEvent of(Caller caller, String kind, Map<String, Object> subject) {
        return new LedgerEvent(caller.workspaceId(), caller.workspaceSlug(), kind, null, caller.name(), subject);
    }

    /** An event caused by the caller, about one project. */
    public static LedgerEvent ofProject(Caller caller, String kind, String project, Map<String, Object> subject) {
        return new LedgerEvent(caller.workspaceId(), caller.workspaceSlug(), kind, project, caller.name(), subject);
    }
}
