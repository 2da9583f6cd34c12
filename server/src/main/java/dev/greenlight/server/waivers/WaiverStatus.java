package dev.greenlight.server.waivers;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a waiver stands. The first four are decided and stored; {@link #EXPIRED} is computed: a requested or approved
 * waiver whose expiry has passed, so that a waiver stops applying at its expiry without anyone acting.
 */
enum WaiverStatus {
    REQUESTED("requested"),
    APPROVED("approved"),
    REJECTED("rejected"),
    REVOKED("revoked"),
    EXPIRED("expired");

    private final String wireName;

    WaiverStatus(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<WaiverStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }
}
