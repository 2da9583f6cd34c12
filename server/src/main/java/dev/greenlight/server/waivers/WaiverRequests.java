package dev.greenlight.server.waivers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.greenlight.server.events.ReleaseChanged;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;

/** Records requests for waivers, after checking that the expiry is ahead and within the allowed duration. */
@Service
class WaiverRequests {
    private final WaiverRepository repository;
    private final ObjectProvider<WaivableRules> rules;
    private final WaiverProperties properties;
    private final Ledger ledger;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WaiverRequests(WaiverRepository repository, ObjectProvider<WaivableRules> rules, WaiverProperties properties, Ledger ledger,
            Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.rules = rules;
        this.properties = properties;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
    }

    record Request(String rule, String reason, String ticket, Instant expiresAt) {
    }

    Waiver request(Caller caller, Project project, Release release, Environment environment, Request request) {
        Instant now = clock.instant();
        Instant expiresAt = request.expiresAt().truncatedTo(ChronoUnit.MILLIS);
        if (!expiresAt.isAfter(now)) {
            throw invalid("expiresAt", "must be in the future");
        }
        if (expiresAt.isAfter(now.plus(properties.maxDuration()))) {
            throw invalid("expiresAt", "must be at most " + describe(properties.maxDuration()) + " ahead (greenlight.waivers.max-duration)");
        }
        // Until the gates feature provides WaivableRules there are no gate rules to check against, so any rule id is
        // accepted; once it does, a waiver can only name a rule of the environment's gate.
        WaivableRules known = rules.getIfAvailable();
        if (known != null) {
            known.requireRule(release, environment, request.rule());
        }
        UUID id = Ids.newId(clock);
        repository.insert(new WaiverRepository.NewWaiver(id, project.workspaceId(), project.id(), release.id(), environment.id(),
                request.rule(), request.reason(), request.ticket(), expiresAt, caller.principalId(), caller.name(), now));
        Waiver waiver = repository.require(project.workspaceId(), id);
        Map<String, Object> subject = subjectOf(waiver);
        subject.put("reason", waiver.reason());
        subject.put("ticket", waiver.ticket());
        ledger.append(LedgerEvent.ofProject(caller, "waiver.requested", project.slug(), subject));
        events.publishEvent(changed(waiver));
        return waiver;
    }

    /** The announcement that a waiver of this release and environment changed (heard after commit). */
    static ReleaseChanged changed(Waiver waiver) {
        return new ReleaseChanged(waiver.workspaceId(), waiver.projectSlug(), waiver.version(), waiver.environment(),
                ReleaseChanged.Kind.WAIVERS);
    }

    /** What every waiver ledger entry names: which waiver, of which rule, release and environment, until when. */
    static Map<String, Object> subjectOf(Waiver waiver) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("waiver", waiver.id().toString());
        subject.put("release", waiver.version());
        subject.put("environment", waiver.environment());
        subject.put("rule", waiver.rule());
        subject.put("expiresAt", waiver.expiresAt().toString());
        return subject;
    }

    private static String describe(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        if (duration.toSeconds() % 3_600 == 0) {
            return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
        }
        return duration.toSeconds() + " seconds";
    }

    static GreenlightException invalid(String field, String message) {
        return new GreenlightException(ProblemKind.VALIDATION_FAILED, "The request has 1 invalid field.")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
