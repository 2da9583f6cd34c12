package dev.greenlight.server.gates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;

/**
 * Decisions for other features' pages (the dashboard): record one, list them, replay one, through the same services as
 * the decision API.
 */
@Service
public class ReleaseDecisions {
    private final Decisions decisions;
    private final DecisionReplay replay;
    private final ProjectCatalog projects;
    private final Environments environments;

    ReleaseDecisions(Decisions decisions, DecisionReplay replay, ProjectCatalog projects, Environments environments) {
        this.decisions = decisions;
        this.replay = replay;
        this.projects = projects;
        this.environments = environments;
    }

    /** Newest first. */
    public Page<Summary> of(Release release, Environment environment, PageRequest page) {
        return decisions.list(release, Optional.of(environment), page).map(Summary::of);
    }

    /** Evaluates the gate now and records the verdict, with its ledger entry. */
    @Transactional
    public Summary record(Caller caller, Project project, Release release, Environment environment) {
        return Summary.of(decisions.record(Actor.of(caller), project, release, environment));
    }

    /** Evaluates the gate now and records the verdict for an action someone took elsewhere, such as a promotion they asked for. */
    @Transactional
    public Summary recordFor(Actor actor, Project project, Release release, Environment environment) {
        return Summary.of(decisions.record(actor, project, release, environment));
    }

    /** Replays a decision the caller may read; a decision of a project they cannot see does not exist for them. */
    public Replayed replay(Caller caller, String id) {
        Decision decision = decisions.requireReadable(caller, id);
        Project project = projects.require(decision.workspaceId(), decision.project());
        DecisionReplay.ReplayReport report = replay.replay(decision, project, environments.require(project, decision.environment()));
        return new Replayed(report.decision(), report.inputsIntact(), report.sameInputs().identical(),
                report.sameInputs().differences().stream().map(ReleaseDecisions::describe).toList());
    }

    private static String describe(DecisionReplay.Difference difference) {
        return difference.field() + ": recorded " + difference.recorded() + ", now " + difference.now();
    }

    public record Summary(String id, String verdict, int score, String packId, String packVersion, long ledgerIndex, String decidedBy,
            Instant decidedAt) {
        static Summary of(Decision decision) {
            return new Summary(decision.id().toString(), decision.verdict(), decision.score(), decision.pack().id(), decision.pack().version(),
                    decision.ledgerIndex(), decision.decidedBy(), decision.decidedAt());
        }
    }

    /**
     * A replay with the recorded pack version.
     *
     * @param identical the replay gave exactly the recorded outcome
     * @param differences what differs, one line each
     */
    public record Replayed(String decision, boolean inputsIntact, boolean identical, List<String> differences) {
    }
}
