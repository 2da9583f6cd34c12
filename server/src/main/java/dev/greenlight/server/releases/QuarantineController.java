package dev.greenlight.server.releases;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.identity.Principals;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/**
 * A release's quarantine list: tests known to be flaky, by the id evidence facts give them ({@code className.name},
 * or {@code suite/name} when a test has no class). Setting it replaces it.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}/releases/{version}/quarantine")
class QuarantineController {
    /** Printable text without line breaks; a lone UTF-16 surrogate (\p{Cs}) could not be written to the ledger. */
    static final String ONE_LINE = "[^\\p{Cntrl}\\p{Cs}]+";
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\p{Cs}]+";

    private final ProjectCatalog projects;
    private final Releases releases;
    private final Quarantines quarantines;
    private final Principals principals;

    QuarantineController(ProjectCatalog projects, Releases releases, Quarantines quarantines, Principals principals) {
        this.projects = projects;
        this.releases = releases;
        this.quarantines = quarantines;
        this.principals = principals;
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    QuarantineView show(@PathVariable String project, @PathVariable String version) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        return view(found, quarantines.of(releases.require(found, version)));
    }

    @PutMapping
    @RequiresPermission(Permission.RELEASES_CREATE)
    @Transactional
    QuarantineView replace(@PathVariable String project, @PathVariable String version, @Valid @RequestBody SetQuarantine request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Release release = releases.require(found, version);
        return view(found, quarantines.replace(Actor.of(caller), found, release, request.tests(), request.reason()));
    }

    private QuarantineView view(Project project, Quarantines.Quarantine quarantine) {
        String updatedBy = quarantine.updatedBy() == null ? null
                : principals.findById(project.workspaceId(), quarantine.updatedBy()).map(principal -> principal.name()).orElse(null);
        return new QuarantineView(quarantine.tests(), quarantine.reason(), updatedBy, quarantine.updatedAt());
    }

    record SetQuarantine(
            @NotNull @Size(max = Quarantines.MAX_TESTS) List<@NotNull @Size(min = 1, max = Quarantines.MAX_TEST_ID_LENGTH)
                    @Pattern(regexp = ONE_LINE, message = "must be a test id on one line, without control characters") String> tests,
            @NotNull @Size(min = 1, max = 2000) @Pattern(regexp = TEXT, message = "must not contain control characters other than line breaks and tabs") String reason) {
    }

    record QuarantineView(List<String> tests, @Nullable String reason, @Nullable String updatedBy, @Nullable Instant updatedAt) {
    }
}
