package dev.greenlight.server.gates;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.InvalidFields;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;

/** Recorded verdicts: take one now, read them, replay one. */
@RestController
class DecisionController {
    private final ProjectCatalog projects;
    private final Releases releases;
    private final Environments environments;
    private final Decisions decisions;
    private final DecisionReplay replay;

    DecisionController(ProjectCatalog projects, Releases releases, Environments environments, Decisions decisions, DecisionReplay replay) {
        this.projects = projects;
        this.releases = releases;
        this.environments = environments;
        this.decisions = decisions;
        this.replay = replay;
    }

    @PostMapping("/api/v1/projects/{project}/releases/{version}/decisions")
    @RequiresPermission(Permission.DECISIONS_RECORD)
    @Transactional
    ResponseEntity<DecisionView> record(@PathVariable String project, @PathVariable String version, @RequestBody DecisionRequest request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Release release = releases.require(found, version);
        if (request.environment() == null || request.environment().isBlank()) {
            throw InvalidFields.single("environment", "must name an environment of the project");
        }
        Environment environment = environments.require(found, request.environment());
        Decision decision = decisions.record(Actor.of(caller), found, release, environment);
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + decision.id())).body(DecisionView.of(decision));
    }

    @GetMapping("/api/v1/projects/{project}/releases/{version}/decisions")
    @RequiresPermission(Permission.PROJECT_READ)
    Page<DecisionSummary> list(@PathVariable String project, @PathVariable String version,
            @RequestParam(required = false) @Nullable String environment, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        Release release = releases.require(found, version);
        Optional<Environment> only = environment == null ? Optional.empty() : Optional.of(environments.require(found, environment));
        return decisions.list(release, only, PageRequest.of(limit, cursor)).map(DecisionSummary::of);
    }

    /** The project is not in the path: the decision is found in the caller's workspace, then its project is checked. */
    @GetMapping("/api/v1/decisions/{id}")
    @RequiresPermission(Permission.PROJECT_READ)
    DecisionView show(@PathVariable String id) {
        return DecisionView.of(readable(id));
    }

    /** The inputs exactly as recorded: their SHA-256 is the {@code inputsDigest} of the decision's ledger entry. */
    @GetMapping(value = "/api/v1/decisions/{id}/inputs", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.PROJECT_READ)
    ResponseEntity<String> inputs(@PathVariable String id) {
        Decision decision = readable(id);
        return ResponseEntity.ok().eTag("\"" + decision.inputsDigest() + "\"").body(decision.inputs());
    }

    /** Changes nothing: evaluates the recorded inputs again and reports what differs. */
    @PostMapping("/api/v1/decisions/{id}/replay")
    @RequiresPermission(Permission.PROJECT_READ)
    DecisionReplay.ReplayReport replay(@PathVariable String id) {
        Decision decision = readable(id);
        Project project = projects.require(decision.workspaceId(), decision.project());
        return replay.replay(decision, project, environments.require(project, decision.environment()));
    }

    private Decision readable(String id) {
        return decisions.requireReadable(CurrentCaller.require(), id);
    }

    record DecisionRequest(@Nullable String environment) {
    }

    record DecisionSummary(String id, String project, String release, String environment, String verdict, int score,
            StoredPack.PackRef pack, String inputsDigest, long ledgerIndex, String decidedBy, Instant decidedAt) {
        static DecisionSummary of(Decision decision) {
            return new DecisionSummary(decision.id().toString(), decision.project(), decision.release(), decision.environment(),
                    decision.verdict(), decision.score(), decision.pack(), decision.inputsDigest(), decision.ledgerIndex(),
                    decision.decidedBy(), decision.decidedAt());
        }
    }

    /** @param report the readiness report as it was when the decision was taken */
    record DecisionView(String id, String project, String release, String environment, String verdict, int score,
            StoredPack.PackRef pack, String inputsDigest, long ledgerIndex, String decidedBy, Instant decidedAt, Map<String, Object> report) {
        static DecisionView of(Decision decision) {
            return new DecisionView(decision.id().toString(), decision.project(), decision.release(), decision.environment(),
                    decision.verdict(), decision.score(), decision.pack(), decision.inputsDigest(), decision.ledgerIndex(),
                    decision.decidedBy(), decision.decidedAt(), SortedJson.read(decision.result()));
        }
    }
}
