package dev.greenlight.server.waivers;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** A waiver that applies: approved, not revoked, and not expired at the time asked about. */
public record ActiveWaiver(UUID id, String rule, String reason, String ticket, Instant expiresAt, String requestedBy, String approvedBy) {
    public ActiveWaiver {
        requireNonNull(id, "id is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(ticket, "ticket is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(requestedBy, "requestedBy is null");
        requireNonNull(approvedBy, "approvedBy is null");
    }
}
