package dev.greenlight.server.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.InvalidFields;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Health samples a service (or its collector) pushes for an environment whose health source is {@code pushed}. */
@RestController
@RequestMapping("/api/v1/projects/{project}/environments/{environment}/health/samples")
class PushedSampleController {
    static final long MAX_REQUESTS = 1_000_000_000_000L;
    /** A clock a little ahead of ours is tolerated; a window ending further in the future is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ProjectCatalog projects;
    private final Environments environments;
    private final HealthSources sources;
    private final PushedSamples samples;
    private final HealthProperties properties;
    private final Clock clock;

    PushedSampleController(ProjectCatalog projects, Environments environments, HealthSources sources, PushedSamples samples,
            HealthProperties properties, Clock clock) {
        this.projects = projects;
        this.environments = environments;
        this.sources = sources;
        this.samples = samples;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    @RequiresPermission(Permission.DEPLOYMENTS_REPORT)
    @Transactional
    ResponseEntity<PushedSampleView> push(@PathVariable String project, @PathVariable String environment,
            @Valid @RequestBody PushedSampleRequest request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Environment env = environments.require(found, environment);
        Instant now = clock.instant();
        Instant windowEnd = (request.windowEnd() == null ? now : request.windowEnd()).truncatedTo(ChronoUnit.MILLIS);
        // Without a start the sample is a report as of its end: it counts for every range that contains that instant.
        Instant windowStart = (request.windowStart() == null ? windowEnd : request.windowStart()).truncatedTo(ChronoUnit.MILLIS);
        InvalidFields errors = new InvalidFields();
        if (request.latencyP95Ms() != null && !Double.isFinite(request.latencyP95Ms())) {
            errors.add("latencyP95Ms", "must be a number of milliseconds");
        }
        if (request.errors() > request.requests()) {
            errors.add("errors", "must not be more than requests");
        }
        if (windowEnd.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add("windowEnd", "must not be more than " + CLOCK_SKEW.toMinutes() + " minutes in the future");
        }
        if (windowStart.isAfter(windowEnd)) {
            errors.add("windowStart", "must not be after windowEnd");
        } else if (Duration.between(windowStart, windowEnd).compareTo(properties.maxPushedWindow()) > 0) {
            errors.add("windowStart", "must be at most " + properties.maxPushedWindow() + " before windowEnd (greenlight.health.max-pushed-window)");
        }
        errors.throwIfAny();
        HealthSource source = sources.of(env).map(HealthSources.Configured::source).orElse(null);
        if (!(source instanceof HealthSource.Pushed)) {
            throw GreenlightException.conflict("Environment '" + env.name() + "' of project '" + found.slug() + "' "
                    + (source == null ? "has no health source" : "takes its health from " + source.kind())
                    + "; set its health source to pushed (PUT …/health-source {\"kind\": \"pushed\"}) to accept samples.");
        }
        PushedSamples.Stored stored = samples.add(caller.principalId(), found, env, request.version(),
                new HealthSample(request.requests(), request.errors(), request.latencyP95Ms()), windowStart, windowEnd);
        return ResponseEntity.status(HttpStatus.CREATED).body(PushedSampleView.of(stored));
    }

    /**
     * @param latencyP95Ms the 95th percentile latency over the window, in milliseconds
     * @param windowStart default: windowEnd
     * @param windowEnd default: now
     */
    record PushedSampleRequest(
            @NotNull @Pattern(regexp = QueryTemplates.RELEASE_VERSION_RULE, message = QueryTemplates.RELEASE_VERSION_MESSAGE) String version,
            @NotNull @PositiveOrZero @Max(MAX_REQUESTS) @JsonDeserialize(using = WholeNumber.class) Long requests,
            @NotNull @PositiveOrZero @Max(MAX_REQUESTS) @JsonDeserialize(using = WholeNumber.class) Long errors,
            @Nullable @DecimalMin("0") @DecimalMax("86400000") Double latencyP95Ms,
            @Nullable Instant windowStart,
            @Nullable Instant windowEnd) {
    }

    record PushedSampleView(UUID id, String version, long requests, long errors, @Nullable Double latencyP95Ms, Instant windowStart,
            Instant windowEnd, Instant receivedAt) {
        static PushedSampleView of(PushedSamples.Stored stored) {
            return new PushedSampleView(stored.id(), stored.version(), stored.requests(), stored.errors(), stored.latencyP95Ms(),
                    stored.windowStart(), stored.windowEnd(), stored.receivedAt());
        }
    }
}
