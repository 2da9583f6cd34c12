package dev.greenlight.server.gates;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.greenlight.policy.CompiledPack;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.projects.Project;

/** Which pack a gate evaluates with: its own, else the project's default, else the built-in baseline; always the active version. */
@Component
class GatePacks {
    private final PolicyPacks packs;
    private final CompiledPacks compiled;

    GatePacks(PolicyPacks packs, CompiledPacks compiled) {
        this.packs = packs;
        this.compiled = compiled;
    }

    StoredPack resolve(Project project, GateSettings settings) {
        String packId = settings.pack() != null ? settings.pack()
                : packs.projectDefault(project).orElse(PolicyPacks.BASELINE_ID);
        // Activations are never undone, so a pack that was chosen while active stays resolvable.
        return packs.active(project.workspaceId(), packId).orElseThrow(() -> GreenlightException.conflict(
                "The gate uses policy pack " + packId + ", which has no active version."));
    }

    Optional<StoredPack> active(UUID workspaceId, String packId) {
        return packs.active(workspaceId, packId);
    }

    CompiledPack compiled(StoredPack pack) {
        return compiled.of(pack);
    }
}
