package dev.greenlight.server.dashboard;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.promotions.DoraMetrics;
import dev.greenlight.server.promotions.PromotionHistory;

/**
 * A project at a glance: what each environment runs and what is moving there, the delivery (DORA) figures of its last
 * environment, and its promotions, newest first. Read-only: promotions and rollbacks are started through the API and
 * the CLI, where their rules are enforced.
 */
@Controller
class ProjectPageController {
    /** Promotions per page: the same as the release page's lists. */
    static final int PAGE_SIZE = 25;
    static final String CURSOR = "cursor";
    static final String WINDOW = "window";

    private final ProjectCatalog projects;
    private final Environments environments;
    private final PromotionHistory history;
    private final DoraMetrics dora;
    private final Clock clock;

    ProjectPageController(ProjectCatalog projects, Environments environments, PromotionHistory history, DoraMetrics dora, Clock clock) {
        this.projects = projects;
        this.environments = environments;
        this.history = history;
        this.dora = dora;
        this.clock = clock;
    }

    /** A project the caller may not read is a 404 page, like one that does not exist (the permission check sees to it). */
    @GetMapping("/projects/{project}")
    @RequiresPermission(Permission.PROJECT_READ)
    String project(@PathVariable String project, @RequestParam(name = WINDOW, required = false) @Nullable String window,
            @RequestParam(name = CURSOR, required = false) @Nullable String cursor, Model model) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        DoraWindow span = DoraWindow.of(window);
        @Nullable String position = cursor == null || cursor.isBlank() ? null : cursor.strip();
        Page<PromotionHistory.Summary> promotions = history.of(found, null, PageRequest.of(PAGE_SIZE, position));
        List<Environment> all = environments.of(found);
        model.addAttribute("caller", caller);
        model.addAttribute("project", found);
        model.addAttribute("environments", all.stream().map(environment -> EnvironmentRow.of(history.of(environment))).toList());
        model.addAttribute("promotions", promotions.items().stream().map(PromotionRow::of).toList());
        model.addAttribute("firstPageLink", position == null ? null : link(found, span, null));
        model.addAttribute("nextPageLink", promotions.nextCursor() == null ? null : link(found, span, promotions.nextCursor()));
        model.addAttribute("window", span);
        model.addAttribute("windows", List.of(DoraWindow.values()).stream()
                .map(choice -> new WindowChoice(choice.label(), windowLink(found, choice, position), choice == span)).toList());
        if (!all.isEmpty()) {
            // Production is the last environment, as for the API's figures.
            Environment production = all.getLast();
            DoraMetrics.Report report = dora.of(production.id(), production.name(), span.span(), clock.instant());
            model.addAttribute("dora", DoraFigures.of(report, span));
            model.addAttribute("everPromotedToProduction", !history.of(found, production, PageRequest.of(1, null)).items().isEmpty());
        }
        return "dashboard/project";
    }

    /** One of the figures' windows: the label, where it leads (keeping the promotions list where it is) and whether it is shown now. */
    record WindowChoice(String label, String link, boolean current) {
    }

    private static String windowLink(Project project, DoraWindow window, @Nullable String cursor) {
        return uri(project, window, cursor, "dora-heading");
    }

    private static String link(Project project, DoraWindow window, @Nullable String cursor) {
        return uri(project, window, cursor, "promotions-heading");
    }

    private static String uri(Project project, DoraWindow window, @Nullable String cursor, String anchor) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/projects/{project}").queryParam(WINDOW, "{window}");
        if (cursor == null) {
            return uri.fragment(anchor).encode().buildAndExpand(project.slug(), window.parameter()).toUriString();
        }
        return uri.queryParam(CURSOR, "{cursor}").fragment(anchor).encode().buildAndExpand(project.slug(), window.parameter(), cursor).toUriString();
    }
}
