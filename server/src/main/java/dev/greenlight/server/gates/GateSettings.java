package dev.greenlight.server.gates;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An environment's gate: which pack decides (null: the project's default, else the built-in baseline), the values of
 * the pack's parameters, the approvals a release needs, and when the environment is frozen.
 *
 * @param updatedBy null while the environment keeps the defaults
 */
record GateSettings(
        @Nullable String pack,
        Map<String, Object> parameters,
        List<RequiredApproval> requiredApprovals,
        List<FreezeWindow> freezeWindows,
        @Nullable String updatedBy,
        @Nullable Instant updatedAt) {

    GateSettings {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
        requiredApprovals = List.copyOf(requiredApprovals);
        freezeWindows = List.copyOf(freezeWindows);
    }

    /** What an environment has before anyone configures its gate: the default pack, no approvals, no freeze. */
    static GateSettings defaults() {
        return new GateSettings(null, Map.of(), List.of(), List.of(), null, null);
    }

    /** The first window that holds at {@code at}, with its end. */
    Optional<ActiveFreeze> freezeAt(Instant at) {
        for (FreezeWindow window : freezeWindows) {
            Optional<Instant> until = window.activeUntil(at);
            if (until.isPresent()) {
                return Optional.of(new ActiveFreeze(window, until.get()));
            }
        }
        return Optional.empty();
    }

    /** {@code count} approvals by principals holding {@code role} on the project. */
    record RequiredApproval(String role, int count) {
        RequiredApproval {
            requireNonNull(role, "role is null");
        }
    }

    record ActiveFreeze(FreezeWindow window, Instant until) {
    }
}
