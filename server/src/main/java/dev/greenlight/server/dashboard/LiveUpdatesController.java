package dev.greenlight.server.dashboard;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Releases;

/**
 * Live updates of the release page: a server-sent event stream per release, and the page's sections one at a time,
 * which the page's script fetches again when an event says they changed.
 */
@Controller
class LiveUpdatesController {
    /** The sections of the release page that can be fetched alone (each a {@code th:fragment="live-<name>"}). */
    static final Set<String> SECTIONS = Set.of("verdict", "checklist", "approve", "waivers", "approvals", "decisions", "promotions",
            "evidence");
    static final String SESSION_CREDENTIAL = "session";

    private final LiveUpdates live;
    private final ProjectCatalog projects;
    private final Releases releases;
    private final ReleasePageController pages;

    LiveUpdatesController(LiveUpdates live, ProjectCatalog projects, Releases releases, ReleasePageController pages) {
        this.live = live;
        this.projects = projects;
        this.releases = releases;
        this.pages = pages;
    }

    /**
     * The events of one release in the caller's workspace. Only for a signed-in browser session (the page's own): an
     * API key or a bearer token is refused, so the stream cannot be held open by automation.
     */
    @GetMapping(path = "/events/releases/{project}/{version}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RequiresPermission(Permission.PROJECT_READ)
    @ResponseBody
    SseEmitter stream(@PathVariable String project, @PathVariable String version, HttpServletRequest request,
            HttpServletResponse response) {
        Caller caller = CurrentCaller.require();
        HttpSession session = request.getSession(false);
        if (!SESSION_CREDENTIAL.equals(caller.credential()) || session == null) {
            throw GreenlightException.forbidden("Live updates are for the dashboard's signed-in session; API keys and tokens "
                    + "poll the API instead.");
        }
        // Resolve within the caller's workspace: a release they cannot read is a 404, like the page.
        releases.require(projects.require(caller.workspaceId(), project), version);
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no");
        return live.open(new LiveUpdates.Topic(caller.workspaceId(), project, version), session.getId());
    }

    /** One section of the release page, rendered as on the page, for the page's script to swap in. */
    @GetMapping("/projects/{project}/releases/{version}/sections/{name}")
    @RequiresPermission(Permission.PROJECT_READ)
    String section(@PathVariable String project, @PathVariable String version, @PathVariable String name,
            @RequestParam(required = false) @Nullable String environment, @RequestParam(required = false) @Nullable String evidenceCursor,
            @RequestParam(required = false) @Nullable String waiversCursor, @RequestParam(required = false) @Nullable String approvalsCursor,
            @RequestParam(required = false) @Nullable String decisionsCursor, @RequestParam(required = false) @Nullable String promotionsCursor,
            Model model, HttpServletResponse response) {
        if (!SECTIONS.contains(name)) {
            throw new GreenlightException(ProblemKind.NOT_FOUND, "The release page has no section '" + name + "'.");
        }
        // At the page's own positions in its lists, so that a refreshed section shows the rows the page shows.
        pages.fill(project, version, environment,
                new ReleaseListCursors(evidenceCursor, waiversCursor, approvalsCursor, decisionsCursor, promotionsCursor), model);
        if (!model.containsAttribute("environment") && !"evidence".equals(name)) {
            throw new GreenlightException(ProblemKind.NOT_FOUND, "The project has no environments, so the page has no section '" + name + "'.");
        }
        model.addAttribute("releasePath", UriComponentsBuilder.fromPath("/projects/{p}/releases/{v}")
                .buildAndExpand(project, version).encode().toUriString());
        response.setHeader("Cache-Control", "no-store");
        return "dashboard/release :: live-" + name;
    }
}
