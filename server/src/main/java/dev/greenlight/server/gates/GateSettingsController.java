package dev.greenlight.server.gates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.policy.CompiledPack;
import dev.greenlight.server.access.Role;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.InvalidFields;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/** An environment's gate settings: read by everyone on the project, changed by those who manage its environments. */
@RestController
@RequestMapping("/api/v1/projects/{project}/environments/{environment}/gate")
class GateSettingsController {
    private static final int MAX_APPROVAL_RULES = 10;
    private static final int MAX_APPROVALS_PER_ROLE = 10;
    private static final int MAX_FREEZE_WINDOWS = 20;

    private final ProjectCatalog projects;
    private final Environments environments;
    private final EnvironmentGates gates;
    private final GatePacks gatePacks;

    GateSettingsController(ProjectCatalog projects, Environments environments, EnvironmentGates gates, GatePacks gatePacks) {
        this.projects = projects;
        this.environments = environments;
        this.gates = gates;
        this.gatePacks = gatePacks;
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    GateView show(@PathVariable String project, @PathVariable String environment) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        Environment env = environments.require(found, environment);
        GateSettings settings = gates.of(env);
        return GateView.of(env, settings, gatePacks.resolve(found, settings).ref());
    }

    @PutMapping
    @RequiresPermission(Permission.ENVIRONMENTS_MANAGE)
    @Transactional
    GateView replace(@PathVariable String project, @PathVariable String environment, @RequestBody GateRequest request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Environment env = environments.require(found, environment);
        GateSettings wanted = new GateSettings(request.pack(), request.parameters() == null ? Map.of() : request.parameters(),
                requiredApprovals(request.requiredApprovals()), freezeWindows(request.freezeWindows()), null, null);
        if (wanted.pack() != null && gatePacks.active(caller.workspaceId(), wanted.pack()).isEmpty()) {
            throw InvalidFields.single("pack", "must name a pack with an active version; " + wanted.pack() + " has none");
        }
        StoredPack pack = gatePacks.resolve(found, wanted);
        CompiledPack compiled = gatePacks.compiled(pack);
        ParameterValues.check(wanted.parameters(), compiled.pack().parameters(), pack.packId());
        GateSettings saved = gates.replace(Actor.of(caller), found, env, wanted);
        return GateView.of(env, saved, pack.ref());
    }

    private static List<GateSettings.RequiredApproval> requiredApprovals(@Nullable List<ApprovalRequest> requested) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MAX_APPROVAL_RULES) {
            throw InvalidFields.single("requiredApprovals", "must list at most " + MAX_APPROVAL_RULES + " roles");
        }
        Set<String> seen = new HashSet<>();
        List<GateSettings.RequiredApproval> result = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ApprovalRequest one = requested.get(i);
            String field = "requiredApprovals[" + i + "]";
            if (one == null || one.role() == null || Role.fromWireName(one.role()).filter(role -> role.isProjectRole() && role != Role.VIEWER).isEmpty()) {
                throw InvalidFields.single(field + ".role", "must be one of developer, release-captain, security, admin");
            }
            if (!seen.add(one.role())) {
                throw InvalidFields.single(field + ".role", "is listed twice");
            }
            int count = one.count() == null ? 1 : one.count();
            if (count < 1 || count > MAX_APPROVALS_PER_ROLE) {
                throw InvalidFields.single(field + ".count", "must be between 1 and " + MAX_APPROVALS_PER_ROLE);
            }
            result.add(new GateSettings.RequiredApproval(one.role(), count));
        }
        return result;
    }

    private static List<FreezeWindow> freezeWindows(@Nullable List<FreezeRequest> requested) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MAX_FREEZE_WINDOWS) {
            throw InvalidFields.single("freezeWindows", "must list at most " + MAX_FREEZE_WINDOWS + " windows");
        }
        List<FreezeWindow> result = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            FreezeRequest one = requested.get(i);
            result.add(one == null ? FreezeWindow.parse(i, null, null, null, null)
                    : FreezeWindow.parse(i, one.cron(), one.duration(), one.zone(), one.reason()));
        }
        return result;
    }

    record GateRequest(@Nullable String pack, @Nullable Map<String, Object> parameters,
            @Nullable List<ApprovalRequest> requiredApprovals, @Nullable List<FreezeRequest> freezeWindows) {
    }

    record ApprovalRequest(@Nullable String role, @Nullable Integer count) {
    }

    record FreezeRequest(@Nullable String cron, @Nullable String duration, @Nullable String zone, @Nullable String reason) {
    }

    /** @param pack the pack this gate evaluates with now (its own, else the project's default, else the baseline) */
    record GateView(String environment, @Nullable String configuredPack, StoredPack.PackRef pack, Map<String, Object> parameters,
            List<GateSettings.RequiredApproval> requiredApprovals, List<FreezeView> freezeWindows,
            @Nullable String updatedBy, @Nullable Instant updatedAt) {
        static GateView of(Environment environment, GateSettings settings, StoredPack.PackRef pack) {
            return new GateView(environment.name(), settings.pack(), pack, settings.parameters(), settings.requiredApprovals(),
                    settings.freezeWindows().stream().map(FreezeView::of).toList(), settings.updatedBy(), settings.updatedAt());
        }
    }

    record FreezeView(String cron, String duration, String zone, @Nullable String reason) {
        static FreezeView of(FreezeWindow window) {
            return new FreezeView(window.cron(), window.duration().toString(), window.zone(), window.reason());
        }
    }
}
