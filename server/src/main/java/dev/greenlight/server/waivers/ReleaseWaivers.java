package dev.greenlight.server.waivers;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;

/**
 * Waivers for other features' pages (the dashboard's forms): the same validation, services and rules as the waiver
 * API, so a form cannot do what the API refuses. Errors are the API's {@link GreenlightException}s.
 */
@Service
public class ReleaseWaivers {
    private final WaiverRepository repository;
    private final WaiverRequests requests;
    private final WaiverDecisions decisions;
    private final CheckedBodies bodies;
    private final Clock clock;

    ReleaseWaivers(WaiverRepository repository, WaiverRequests requests, WaiverDecisions decisions, CheckedBodies bodies, Clock clock) {
        this.repository = repository;
        this.requests = requests;
        this.decisions = decisions;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** The release's waivers for the environment in every status, newest first. */
    public Page<Summary> of(Release release, Environment environment, PageRequest page) {
        Instant now = clock.instant();
        return repository.list(release.workspaceId(), release.id(), environment.id(), null, now, page)
                .map(waiver -> Summary.of(waiver, now));
    }

    /** Requests a waiver; the fields are checked exactly as the API's request body is. */
    @Transactional
    public Summary request(Caller caller, Project project, Release release, Environment environment, @Nullable String rule,
            @Nullable String reason, @Nullable String ticket, @Nullable Instant expiresAt) {
        ReleaseWaiverController.RequestWaiver body = bodies.valid(
                new ReleaseWaiverController.RequestWaiver(environment.name(), rule, reason, ticket, expiresAt));
        Waiver waiver = requests.request(caller, project, release, environment,
                new WaiverRequests.Request(body.rule(), body.reason(), body.ticket(), body.expiresAt()));
        return Summary.of(waiver, clock.instant());
    }

    /**
     * Approves a requested waiver, without a comment (the API takes one): only a security lead or release captain
     * other than the requester may.
     */
    @Transactional
    public Summary approve(Caller caller, UUID id) {
        return Summary.of(decisions.approve(caller, id, null), clock.instant());
    }

    /**
     * Rejects a requested waiver; the comment is required and checked exactly as the API's reject body is. Only a
     * security lead or release captain other than the requester may.
     */
    @Transactional
    public Summary reject(Caller caller, UUID id, @Nullable String comment) {
        WaiverController.RejectWaiver body = bodies.valid(new WaiverController.RejectWaiver(comment));
        return Summary.of(decisions.reject(caller, id, body.comment()), clock.instant());
    }

    /**
     * Revokes a requested or approved waiver; the reason is required and checked exactly as the API's revoke body is.
     * The requester may, and so may a security lead or release captain of the project.
     */
    @Transactional
    public Summary revoke(Caller caller, UUID id, @Nullable String reason) {
        WaiverController.RevokeWaiver body = bodies.valid(new WaiverController.RevokeWaiver(reason));
        return Summary.of(decisions.revoke(caller, id, body.reason()), clock.instant());
    }

    /**
     * A waiver as a page lists it; {@code status} includes {@code expired}. {@code requesterId} is the requester's
     * principal id, so a page can offer revoking to them.
     */
    public record Summary(String id, String rule, String reason, String ticket, Instant expiresAt, String status, String requestedBy,
            String requesterId, Instant requestedAt, @Nullable String decidedBy) {
        static Summary of(Waiver waiver, Instant now) {
            WaiverView view = WaiverView.of(waiver, now);
            return new Summary(view.id(), view.rule(), view.reason(), view.ticket(), view.expiresAt(), view.status(), view.requestedBy(),
                    waiver.requestedBy().toString(), view.requestedAt(), view.decidedBy());
        }
    }
}
