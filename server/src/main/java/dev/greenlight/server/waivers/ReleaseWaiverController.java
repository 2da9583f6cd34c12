package dev.greenlight.server.waivers;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
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

/** A release's waivers: request one for a rule of an environment's gate, and list them. */
@RestController
@RequestMapping("/api/v1/projects/{project}/releases/{version}/waivers")
class ReleaseWaiverController {
    /** Rule ids of policy packs: a letter or digit, then letters, digits and {@code . _ - : /}. */
    static final String RULE = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}";
    /** Printable text on one line; a lone UTF-16 surrogate (\p{Cs}) could not be written to the ledger. */
    static final String ONE_LINE = "[^\\p{Cntrl}\\p{Cs}]+";
    /** Printable text that may span lines. */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\p{Cs}]+";
    static final String TEXT_MESSAGE = "must not contain control characters other than line breaks and tabs";

    private final ProjectCatalog projects;
    private final Releases releases;
    private final Environments environments;
    private final WaiverRequests requests;
    private final WaiverRepository repository;
    private final Clock clock;

    ReleaseWaiverController(ProjectCatalog projects, Releases releases, Environments environments, WaiverRequests requests,
            WaiverRepository repository, Clock clock) {
        this.projects = projects;
        this.releases = releases;
        this.environments = environments;
        this.requests = requests;
        this.repository = repository;
        this.clock = clock;
    }

    @PostMapping
    @RequiresPermission(Permission.WAIVERS_REQUEST)
    @Transactional
    ResponseEntity<WaiverView> request(@PathVariable String project, @PathVariable String version,
            @Valid @RequestBody RequestWaiver request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Release release = releases.require(found, version);
        Environment environment = environments.find(found, request.environment()).orElseThrow(() -> WaiverRequests.invalid(
                "environment", "project '" + found.slug() + "' has no environment '" + request.environment() + "'"));
        Waiver waiver = requests.request(caller, found, release, environment,
                new WaiverRequests.Request(request.rule(), request.reason(), request.ticket(), request.expiresAt()));
        return ResponseEntity.created(URI.create("/api/v1/waivers/" + waiver.id())).body(WaiverView.of(waiver, clock.instant()));
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    Page<WaiverView> list(@PathVariable String project, @PathVariable String version,
            @RequestParam(required = false) @Nullable String environment, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        Release release = releases.require(found, version);
        PageRequest page = PageRequest.of(limit, cursor);
        Environment only = environment == null || environment.isEmpty() ? null : environments.find(found, environment)
                .orElseThrow(() -> GreenlightException.badRequest("Project '" + found.slug() + "' has no environment '" + environment + "'."));
        WaiverStatus inStatus = status == null || status.isEmpty() ? null : WaiverStatus.fromWireName(status)
                .orElseThrow(() -> GreenlightException.badRequest(
                        "Unknown status; the statuses are requested, approved, rejected, revoked and expired."));
        Instant now = clock.instant();
        return repository.list(found.workspaceId(), release.id(), only == null ? null : only.id(), inStatus, now, page)
                .map(waiver -> WaiverView.of(waiver, now));
    }

    record RequestWaiver(
            @NotNull @Size(min = 1, max = 63) String environment,
            @NotNull @Pattern(regexp = RULE, message = "must be a rule id: 1-128 letters, digits, '.', '_', '-', ':' or '/', starting with a letter or digit") String rule,
            @NotBlank @Size(max = 2000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String reason,
            @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = "must be one line without control characters") String ticket,
            @NotNull Instant expiresAt) {
    }
}
