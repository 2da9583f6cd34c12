package dev.greenlight.server.gates;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import dev.greenlight.policy.CompiledPack;
import dev.greenlight.server.approvals.Approvals;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.waivers.Waivers;

/**
 * Gathers a gate's inputs for a release now and evaluates them. Reports are cached by the digest of their inputs (the
 * facts by their digest): the same inputs give the same report, so only a change of evidence, pack, parameters,
 * quarantine, waivers, approvals or freeze costs an evaluation.
 */
@Service
public class Readiness {
    private static final int MAX_CACHED = 10_000;

    private final EnvironmentGates gates;
    private final GatePacks packs;
    private final FactsSnapshots facts;
    private final Waivers waivers;
    private final Approvals approvals;
    private final Clock clock;
    private final Map<String, ReadinessReport> reports = new ConcurrentHashMap<>();

    Readiness(EnvironmentGates gates, GatePacks packs, FactsSnapshots facts, Waivers waivers, Approvals approvals, Clock clock) {
        this.gates = gates;
        this.packs = packs;
        this.facts = facts;
        this.waivers = waivers;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** The inputs as they are now and the report they give. */
    record Evaluated(GateInputs inputs, ReadinessReport report) {
    }

    /** The release's readiness for the environment now: what the readiness endpoint answers, for other features' pages. */
    public ReadinessReport report(Project project, Release release, Environment environment) {
        return evaluate(project, release, environment).report();
    }

    Evaluated evaluate(Project project, Release release, Environment environment) {
        Instant at = Instant.now(clock);
        GateSettings settings = gates.of(environment);
        StoredPack pack = packs.resolve(project, settings);
        CompiledPack compiled = packs.compiled(pack);
        FactsSnapshots.Snapshot snapshot = facts.of(release);
        GateInputs inputs = new GateInputs(project.slug(), release.version(), environment.name(), at, pack.ref(),
                snapshot.facts(), snapshot.digest(), snapshot.evidence(),
                ParameterValues.forEvaluation(settings.parameters(), compiled.pack().parameters()),
                release.quarantine(),
                waivers.activeFor(release, environment, at).stream().map(waiver -> new GateInputs.WaiverInput(waiver.id().toString(),
                        waiver.rule(), waiver.reason(), waiver.ticket(), waiver.expiresAt(), waiver.requestedBy(), waiver.approvedBy())).toList(),
                approvals.validFor(release, environment).stream().map(approval -> new GateInputs.ApprovalInput(approval.id().toString(),
                        approval.role(), approval.approver(), approval.at())).toList(),
                settings.requiredApprovals(),
                settings.freezeAt(at).map(active -> new GateInputs.FreezeInput(active.window().cron(), active.window().duration().toString(),
                        active.window().zone(), active.window().reason(), active.until())).orElse(null));
        String key = SortedJson.sha256(inputs.keyBytes());
        ReadinessReport report = reports.get(key);
        if (report == null) {
            report = GateEvaluator.evaluate(compiled, inputs);
            if (reports.size() >= MAX_CACHED) {
                reports.clear();
            }
            reports.put(key, report);
        }
        return new Evaluated(inputs, report.at(at));
    }
}
