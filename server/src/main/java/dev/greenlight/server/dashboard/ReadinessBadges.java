package dev.greenlight.server.dashboard;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.greenlight.server.gates.Readiness;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;

/** The readiness of a project's latest release for one environment, as a badge state. */
@Service
class ReadinessBadges {
    private final Releases releases;
    private final Readiness readiness;

    ReadinessBadges(Releases releases, Readiness readiness) {
        this.releases = releases;
        this.readiness = readiness;
    }

    Optional<Release> latest(Project project) {
        return releases.latest(project);
    }

    BadgeState stateOf(Project project, Optional<Release> latest, Environment environment) {
        if (latest.isEmpty()) {
            return BadgeState.NO_RELEASE;
        }
        try {
            return readiness.report(project, latest.get(), environment).ready() ? BadgeState.READY : BadgeState.BLOCKED;
        } catch (GreenlightException e) {
            // A gate that cannot be evaluated (its pack was removed, say) is not a verdict either way.
            return BadgeState.UNKNOWN;
        }
    }
}
