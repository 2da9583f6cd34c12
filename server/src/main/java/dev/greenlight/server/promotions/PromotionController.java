package dev.greenlight.server.promotions;

import java.net.URI;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/** A project's promotions: ask for one, follow them, cancel one that still waits for its approvals. */
@RestController
@RequestMapping("/api/v1/projects/{project}/promotions")
class PromotionController {
    private final ProjectCatalog projects;
    private final Environments environments;
    private final PromotionRequests requests;
    private final PromotionRepository repository;
    private final PromotionCancellation cancellation;

    PromotionController(ProjectCatalog projects, Environments environments, PromotionRequests requests, PromotionRepository repository,
            PromotionCancellation cancellation) {
        this.projects = projects;
        this.environments = environments;
        this.requests = requests;
        this.repository = repository;
        this.cancellation = cancellation;
    }

    @PostMapping
    @RequiresPermission(Permission.PROMOTIONS_REQUEST)
    ResponseEntity<PromotionView> request(@PathVariable String project, @RequestBody(required = false) PromotionPlan.@Nullable Request body) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Promotion promotion = requests.request(caller, found, PromotionPlan.of(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + found.slug() + "/promotions/" + promotion.id()))
                .body(PromotionView.of(promotion));
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    Page<PromotionView> list(@PathVariable String project, @RequestParam(required = false) @Nullable String environment,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        UUID environmentId = environment == null ? null : environments.require(found, environment).id();
        return repository.list(caller.workspaceId(), found.id(), environmentId, PageRequest.of(limit, cursor)).map(PromotionView::of);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.PROJECT_READ)
    PromotionView show(@PathVariable String project, @PathVariable String id) {
        Promotion promotion = find(project, id);
        return PromotionView.of(promotion, repository.transitions(promotion.id()));
    }

    /** Cancels a promotion that waits for approvals; one that has started deploying is rolled back instead. */
    @PostMapping("/{id}/cancel")
    @RequiresPermission(Permission.PROMOTIONS_REQUEST)
    PromotionView cancel(@PathVariable String project, @PathVariable String id, @RequestBody(required = false) @Nullable ReasonBody body) {
        Promotion promotion = find(project, id);
        Promotion cancelled = cancellation.cancel(CurrentCaller.require(), promotion.id(), ReasonBody.reasonOf(body));
        return PromotionView.of(cancelled, repository.transitions(cancelled.id()));
    }

    private Promotion find(String project, String id) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        return repository.find(caller.workspaceId(), PathIds.parse(id, PromotionRepository::notFound))
                .filter(promotion -> promotion.projectId().equals(found.id()))
                .orElseThrow(PromotionRepository::notFound);
    }
}
