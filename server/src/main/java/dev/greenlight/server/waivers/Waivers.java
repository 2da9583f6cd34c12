package dev.greenlight.server.waivers;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.releases.Release;

/** What the gates ask of waivers: which rules are suspended for a release in an environment at a given time. */
@Service
public class Waivers {
    private final WaiverRepository repository;

    Waivers(WaiverRepository repository) {
        this.repository = repository;
    }

    /**
     * The waivers that apply at {@code at}: approved, not revoked, and expiring after {@code at}. An expired waiver
     * is simply not among them; nobody has to revoke it.
     */
    public List<ActiveWaiver> activeFor(Release release, Environment environment, Instant at) {
        return repository.approved(release.workspaceId(), release.id(), environment.id(), at).stream()
                .map(waiver -> new ActiveWaiver(waiver.id(), waiver.rule(), waiver.reason(), waiver.ticket(), waiver.expiresAt(),
                        waiver.requestedByName(), java.util.Objects.requireNonNull(waiver.decision(), "an approved waiver has a decision").byName()))
                .toList();
    }
}
