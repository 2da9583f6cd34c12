package dev.greenlight.server.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.greenlight.server.access.RoleGrants;
import dev.greenlight.server.dashboard.ReleaseListCursors.ReleaseList;
import dev.greenlight.server.approvals.ReleaseApprovals;
import dev.greenlight.server.evidence.ReleaseEvidence;
import dev.greenlight.server.gates.Readiness;
import dev.greenlight.server.gates.ReadinessReport;
import dev.greenlight.server.gates.ReleaseDecisions;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.promotions.PromotionHistory;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;
import dev.greenlight.server.waivers.ReleaseWaivers;

/**
 * A release's readiness for one environment at a time (plain links switch environments, so the page works without
 * script): the checklist, evidence, waivers, approvals, decisions, promotions, and the forms that act on them.
 */
@Controller
class ReleasePageController {
    private final ProjectCatalog projects;
    private final Releases releases;
    private final Environments environments;
    private final Readiness readiness;
    private final ReleaseEvidence evidence;
    private final ReleaseWaivers waivers;
    private final ReleaseApprovals approvals;
    private final ReleaseDecisions decisions;
    private final RoleGrants grants;
    private final PromotionHistory promotions;

    ReleasePageController(ProjectCatalog projects, Releases releases, Environments environments, Readiness readiness,
            ReleaseEvidence evidence, ReleaseWaivers waivers, ReleaseApprovals approvals, ReleaseDecisions decisions, RoleGrants grants,
            PromotionHistory promotions) {
        this.projects = projects;
        this.releases = releases;
        this.environments = environments;
        this.readiness = readiness;
        this.evidence = evidence;
        this.waivers = waivers;
        this.approvals = approvals;
        this.decisions = decisions;
        this.grants = grants;
        this.promotions = promotions;
    }

    /** Each growing list pages on its own, by cursor, with links that work without script (see {@link ReleaseListCursors}). */
    @GetMapping("/projects/{project}/releases/{version}")
    @RequiresPermission(Permission.PROJECT_READ)
    String release(@PathVariable String project, @PathVariable String version, @RequestParam(required = false) @Nullable String environment,
            @RequestParam(required = false) @Nullable String evidenceCursor, @RequestParam(required = false) @Nullable String waiversCursor,
            @RequestParam(required = false) @Nullable String approvalsCursor, @RequestParam(required = false) @Nullable String decisionsCursor,
            @RequestParam(required = false) @Nullable String promotionsCursor, Model model) {
        return fill(project, version, environment,
                new ReleaseListCursors(evidenceCursor, waiversCursor, approvalsCursor, decisionsCursor, promotionsCursor), model);
    }

    /** Fills the model of the page (or of one of its sections) for one environment and the lists' positions. */
    String fill(String project, String version, @Nullable String environment, ReleaseListCursors cursors, Model model) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Release release = releases.require(found, version);
        List<Environment> all = environments.of(found);
        model.addAttribute("caller", caller);
        model.addAttribute("project", found);
        model.addAttribute("release", release);
        model.addAttribute("environments", all.stream().map(Environment::name).toList());
        @Nullable Environment selected = all.isEmpty() ? null
                : environment == null || environment.isEmpty() ? all.getFirst() : environments.require(found, environment);
        @Nullable String linked = selected == null ? null : selected.name();
        Page<ReleaseEvidence.Item> evidencePage = evidence.of(release, cursors.request(ReleaseList.EVIDENCE));
        model.addAttribute("evidence", evidencePage.items().stream()
                .map(item -> EvidenceRow.of(item, found.slug(), release.version(), caller.workspaceSlug())).toList());
        model.addAttribute("evidencePages", cursors.pages(ReleaseList.EVIDENCE, found.slug(), release.version(), linked, evidencePage.nextCursor()));
        if (selected == null) {
            return "dashboard/release";
        }
        ReadinessReport report = readiness.report(found, release, selected);
        List<ChecklistItem> checklist = ChecklistItem.of(report);
        model.addAttribute("environment", selected.name());
        model.addAttribute("report", report);
        model.addAttribute("checklist", checklist);
        model.addAttribute("waivableRules", checklist.stream().filter(ChecklistItem::waivable).toList());
        model.addAttribute("approvalBlocked", !report.blockers().isEmpty());
        model.addAttribute("can", Capabilities.of(caller, grants.rolesOn(caller.workspaceId(), caller.principalId(), found.id())));
        Page<ReleaseWaivers.Summary> waiverPage = waivers.of(release, selected, cursors.request(ReleaseList.WAIVERS));
        model.addAttribute("waivers", waiverPage.items());
        model.addAttribute("waiverPages", cursors.pages(ReleaseList.WAIVERS, found.slug(), release.version(), linked, waiverPage.nextCursor()));
        Page<ReleaseApprovals.Summary> approvalPage = approvals.of(release, selected, cursors.request(ReleaseList.APPROVALS));
        model.addAttribute("approvals", approvalPage.items());
        model.addAttribute("approvalPages", cursors.pages(ReleaseList.APPROVALS, found.slug(), release.version(), linked, approvalPage.nextCursor()));
        Page<ReleaseDecisions.Summary> decisionPage = decisions.of(release, selected, cursors.request(ReleaseList.DECISIONS));
        model.addAttribute("decisions", decisionPage.items());
        model.addAttribute("decisionPages", cursors.pages(ReleaseList.DECISIONS, found.slug(), release.version(), linked, decisionPage.nextCursor()));
        Page<PromotionHistory.Summary> promotionPage = promotions.of(release, selected, cursors.request(ReleaseList.PROMOTIONS));
        model.addAttribute("promotions", promotionPage.items().stream().map(PromotionRow::of).toList());
        model.addAttribute("promotionPages", cursors.pages(ReleaseList.PROMOTIONS, found.slug(), release.version(), linked, promotionPage.nextCursor()));
        model.addAttribute("environmentReleases", EnvironmentRow.of(promotions.of(selected)));
        return "dashboard/release";
    }
}
