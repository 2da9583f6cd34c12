package dev.greenlight.server.waivers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A waiver as the API shows it; {@code status} includes {@code expired}, computed at the time of the request. */
record WaiverView(
        String id,
        String project,
        String release,
        String environment,
        String rule,
        String reason,
        String ticket,
        Instant expiresAt,
        String status,
        String requestedBy,
        Instant requestedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionComment,
        @Nullable String revokedBy,
        @Nullable Instant revokedAt,
        @Nullable String revokeReason) {

    static WaiverView of(Waiver waiver, Instant now) {
        Waiver.Decision decision = waiver.decision();
        Waiver.Revocation revocation = waiver.revocation();
        return new WaiverView(waiver.id().toString(), waiver.projectSlug(), waiver.version(), waiver.environment(), waiver.rule(),
                waiver.reason(), waiver.ticket(), waiver.expiresAt(), waiver.statusAt(now).wireName(), waiver.requestedByName(),
                waiver.createdAt(),
                decision == null ? null : decision.byName(), decision == null ? null : decision.at(),
                decision == null ? null : decision.comment(),
                revocation == null ? null : revocation.byName(), revocation == null ? null : revocation.at(),
                revocation == null ? null : revocation.reason());
    }
}
