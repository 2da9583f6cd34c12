package dev.greenlight.server.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.greenlight.server.access.RoleGrants;
import dev.greenlight.server.approvals.ReleaseApprovals;
import dev.greenlight.server.evidence.ReleaseEvidence;
import dev.greenlight.server.gates.Readiness;
import dev.greenlight.server.gates.ReadinessReport;
import dev.greenlight.server.gates.ReleaseDecisions;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;
import dev.greenlight.server.waivers.ReleaseWaivers;

/**
 * A release's readiness for one environment at a time (plain links switch environments, so the page works without
 * script): the checklist, evidence, waivers, approvals, decisions, and the forms that act on them.
 */
@Controller
class ReleasePageController {
    private static final PageRequest LISTED = new PageRequest(50, null);

    private final ProjectCatalog projects;
    private final Releases releases;
    private final Environments environments;
    private final Readiness readiness;
    private final ReleaseEvidence evidence;
    private final ReleaseWaivers waivers;
    private final ReleaseApprovals approvals;
    private final ReleaseDecisions decisions;
    private final RoleGrants grants;

    ReleasePageController(ProjectCatalog projects, Releases releases, Environments environments, Readiness readiness,
            ReleaseEvidence evidence, ReleaseWaivers waivers, ReleaseApprovals approvals, ReleaseDecisions decisions, RoleGrants grants) {
        this.projects = projects;
        this.releases = releases;
        this.environments = environments;
        this.readiness = readiness;
        this.evidence = evidence;
        this.waivers = waivers;
        this.approvals = approvals;
        this.decisions = decisions;
        this.grants = grants;
    }

    @GetMapping("/projects/{project}/releases/{version}")
    @RequiresPermission(Permission.PROJECT_READ)
    String release(@PathVariable String project, @PathVariable String version, @RequestParam(required = false) @Nullable String environment,
            Model model) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Release release = releases.require(found, version);
        List<Environment> all = environments.of(found);
        model.addAttribute("caller", caller);
        model.addAttribute("project", found);
        model.addAttribute("release", release);
        model.addAttribute("environments", all.stream().map(Environment::name).toList());
        model.addAttribute("evidence", evidence.of(release, LISTED).items().stream()
                .map(item -> EvidenceRow.of(item, found.slug(), release.version(), caller.workspaceSlug())).toList());
        if (all.isEmpty()) {
            return "dashboard/release";
        }
        Environment selected = environment == null || environment.isEmpty() ? all.getFirst() : environments.require(found, environment);
        ReadinessReport report = readiness.report(found, release, selected);
        List<ChecklistItem> checklist = ChecklistItem.of(report);
        model.addAttribute("environment", selected.name());
        model.addAttribute("report", report);
        model.addAttribute("checklist", checklist);
        model.addAttribute("waivableRules", checklist.stream().filter(ChecklistItem::waivable).toList());
        model.addAttribute("approvalBlocked", !report.blockers().isEmpty());
        model.addAttribute("can", Capabilities.of(caller, grants.rolesOn(caller.workspaceId(), caller.principalId(), found.id())));
        model.addAttribute("waivers", waivers.of(release, selected, LISTED).items());
        model.addAttribute("approvals", approvals.of(release, selected, LISTED).items());
        model.addAttribute("decisions", decisions.of(release, selected, new PageRequest(20, null)).items());
        return "dashboard/release";
    }
}
