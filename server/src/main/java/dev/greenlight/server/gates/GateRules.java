package dev.greenlight.server.gates;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.greenlight.server.approvals.ApprovalPreconditions;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.InvalidFields;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.waivers.WaivableRules;

/**
 * What waivers and approvals ask of gates: a waiver must name a rule the environment's gate applies, and nobody
 * approves a release while its gate still has blockers that no waiver covers.
 */
@Component
class GateRules implements WaivableRules, ApprovalPreconditions {
    private final ProjectCatalog projects;
    private final EnvironmentGates gates;
    private final GatePacks packs;
    private final Readiness readiness;

    GateRules(ProjectCatalog projects, EnvironmentGates gates, GatePacks packs, Readiness readiness) {
        this.projects = projects;
        this.gates = gates;
        this.packs = packs;
        this.readiness = readiness;
    }

    @Override
    public void requireRule(Release release, Environment environment, String rule) {
        Project project = projectOf(release);
        StoredPack pack = packs.resolve(project, gates.of(environment));
        boolean known = packs.compiled(pack).pack().rules().stream().anyMatch(one -> one.id().equals(rule));
        if (!known) {
            throw InvalidFields.single("rule", "must be a rule of " + pack.packId() + " " + pack.version() + ", the pack of the "
                    + environment.name() + " gate (" + packs.compiled(pack).pack().rules().stream().map(one -> one.id())
                    .collect(Collectors.joining(", ")) + ")");
        }
    }

    @Override
    public void requireNoBlockers(Release release, Environment environment) {
        ReadinessReport report = readiness.evaluate(projectOf(release), release, environment).report();
        if (!report.blockers().isEmpty()) {
            throw GreenlightException.conflict("Release " + release.version() + " cannot be approved for " + environment.name()
                    + " while its gate has blockers that no waiver covers: "
                    + report.blockers().stream().map(ReadinessReport.Blocker::rule).collect(Collectors.joining(", ")) + ".")
                    .with("blockers", report.blockers().stream().map(ReadinessReport.Blocker::rule).toList());
        }
    }

    private Project projectOf(Release release) {
        return projects.findById(release.workspaceId(), release.projectId())
                .orElseThrow(() -> new IllegalStateException("release " + release.id() + " has no project"));
    }
}
