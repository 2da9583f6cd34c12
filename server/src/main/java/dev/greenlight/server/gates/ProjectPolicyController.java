package dev.greenlight.server.gates;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.InvalidFields;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/** The pack a project's environments evaluate with unless their gate names another. */
@RestController
@RequestMapping("/api/v1/projects/{project}/policy")
class ProjectPolicyController {
    private final ProjectCatalog projects;
    private final PolicyPacks packs;

    ProjectPolicyController(ProjectCatalog projects, PolicyPacks packs) {
        this.projects = projects;
        this.packs = packs;
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    ProjectPolicyView show(@PathVariable String project) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        String configured = packs.projectDefault(found).orElse(null);
        return new ProjectPolicyView(configured == null ? PolicyPacks.BASELINE_ID : configured, configured == null);
    }

    @PutMapping
    @RequiresPermission(Permission.PROJECT_UPDATE)
    @Transactional
    ProjectPolicyView replace(@PathVariable String project, @RequestBody ProjectPolicyRequest request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        if (request.pack() == null || !PolicyPacks.PACK_ID.matcher(request.pack()).matches()) {
            throw InvalidFields.single("pack", "must be a pack id such as acme/strict");
        }
        packs.setProjectDefault(Actor.of(caller), found, request.pack());
        return show(project);
    }

    record ProjectPolicyRequest(@Nullable String pack) {
    }

    /** @param inherited true when the project names no pack and the built-in baseline applies */
    record ProjectPolicyView(String pack, boolean inherited) {
    }
}
