package dev.greenlight.server.releases;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.identity.Principals;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/** Releases of a project: registered by CI, listed newest first. */
@RestController
@RequestMapping("/api/v1/projects/{project}/releases")
class ReleaseController {
    static final String VERSION = "[0-9A-Za-z][0-9A-Za-z._+-]{0,127}";
    static final String SHA256 = "[0-9a-fA-F]{64}";

    private final ProjectCatalog projects;
    private final Releases releases;
    private final Principals principals;

    ReleaseController(ProjectCatalog projects, Releases releases, Principals principals) {
        this.projects = projects;
        this.releases = releases;
        this.principals = principals;
    }

    @PostMapping
    @RequiresPermission(Permission.RELEASES_CREATE)
    @Transactional
    ResponseEntity<ReleaseView> create(@PathVariable String project, @Valid @RequestBody CreateRelease request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        List<Release.Artifact> artifacts = artifacts(request.artifacts() == null ? List.of() : request.artifacts());
        Release release = releases.create(Actor.of(caller), found, request.version(), request.commitSha().toLowerCase(Locale.ROOT),
                request.commitTime(), artifacts, request.author());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + found.slug() + "/releases/" + release.version()))
                .body(view(release));
    }

    /**
     * Replaces the artifacts of a release (a rebuild, a re-signed image). Approvals given for the old artifacts lapse;
     * the same artifacts again change nothing.
     */
    @PutMapping("/{version}/artifacts")
    @RequiresPermission(Permission.RELEASES_CREATE)
    @Transactional
    ReleaseView replaceArtifacts(@PathVariable String project, @PathVariable String version,
            @Valid @RequestBody ReplaceArtifacts request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Release release = releases.require(found, version);
        return view(releases.replaceArtifacts(Actor.of(caller), found, release, artifacts(request.artifacts())));
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    Page<ReleaseView> list(@PathVariable String project, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        return releases.list(found, PageRequest.of(limit, cursor)).map(this::view);
    }

    @GetMapping("/{version}")
    @RequiresPermission(Permission.PROJECT_READ)
    ReleaseView show(@PathVariable String project, @PathVariable String version) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        return view(releases.require(found, version));
    }

    private ReleaseView view(Release release) {
        String createdBy = principals.findById(release.workspaceId(), release.createdBy()).map(p -> p.name()).orElse(null);
        return new ReleaseView(release.version(), release.commitSha(), release.commitTime(), release.artifacts(),
                release.artifactsDigest(), release.author(), release.createdAt(), createdBy);
    }

    /** Digests in lower case, each name once: the same artifacts always give the same digest. */
    private static List<Release.Artifact> artifacts(List<ArtifactRequest> requested) {
        List<Release.Artifact> artifacts = requested.stream()
                .map(artifact -> new Release.Artifact(artifact.name(), artifact.sha256().toLowerCase(Locale.ROOT))).toList();
        Set<String> names = new HashSet<>();
        for (Release.Artifact artifact : artifacts) {
            if (!names.add(artifact.name())) {
                throw GreenlightException.badRequest("Artifact '" + artifact.name() + "' is listed twice.");
            }
        }
        return artifacts;
    }

    record CreateRelease(
            @NotNull @Pattern(regexp = VERSION, message = "must be 1-128 characters: letters, digits, '.', '_', '+' or '-', starting with a letter or digit") String version,
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{40}|[0-9a-fA-F]{64}", message = "must be a 40- or 64-character hexadecimal commit id") String commitSha,
            @Nullable Instant commitTime,
            @Nullable @Size(max = 100) List<@Valid @NotNull ArtifactRequest> artifacts,
            @Nullable @Size(max = 200) String author) {
    }

    record ReplaceArtifacts(@NotNull @Size(max = 100) List<@Valid @NotNull ArtifactRequest> artifacts) {
    }

    record ArtifactRequest(
            // A lone UTF-16 surrogate (\p{Cs}) has no canonical JSON form, so it could be neither digested nor recorded.
            @NotNull @Size(min = 1, max = 255) @Pattern(regexp = "[^\\p{Cntrl}\\p{Cs}]+", message = "must not contain control characters") String name,
            @NotNull @Pattern(regexp = SHA256, message = "must be a 64-character hexadecimal SHA-256") String sha256) {
    }

    /** {@code artifactsDigest} is what approvals are bound to: see {@link Release#artifactsDigest()}. */
    record ReleaseView(String version, String commitSha, @Nullable Instant commitTime, List<Release.Artifact> artifacts,
            String artifactsDigest, @Nullable String author, Instant createdAt, @Nullable String createdBy) {
    }
}
