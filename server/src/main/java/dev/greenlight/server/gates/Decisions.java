package dev.greenlight.server.gates;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.events.ReleaseChanged;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.ProjectAccess;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;
import tools.jackson.databind.json.JsonMapper;

/** The decisions table: verdicts recorded with their inputs, each with its ledger entry in the same transaction. */
@Service
class Decisions {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            d.id, d.workspace_id, p.slug as project, r.version as release, e.name as environment, d.verdict, d.score, d.pack_id,
            d.pack_version, d.pack_sha256, d.inputs, d.inputs_digest, d.result::text as result, d.ledger_index, u.name as decided_by,
            d.decided_at
            from decisions d join projects p on p.id = d.project_id join releases r on r.id = d.release_id
            join environments e on e.id = d.environment_id join principals u on u.id = d.decided_by""";
    private static final RowMapper<Decision> ROW = (row, number) -> new Decision(
            row.getObject("id", UUID.class), row.getObject("workspace_id", UUID.class), row.getString("project"),
            row.getString("release"), row.getString("environment"), row.getString("verdict"), row.getInt("score"),
            new StoredPack.PackRef(row.getString("pack_id"), row.getString("pack_version"), row.getString("pack_sha256")),
            row.getString("inputs"), row.getString("inputs_digest"), row.getString("result"), row.getLong("ledger_index"),
            row.getString("decided_by"), row.getObject("decided_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Readiness readiness;
    private final PolicyPacks packs;
    private final ProjectAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Decisions(JdbcClient jdbc, Ledger ledger, Readiness readiness, PolicyPacks packs, ProjectAccess access, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.readiness = readiness;
        this.packs = packs;
        this.access = access;
        this.clock = clock;
    }

    /** Evaluates the gate now and records the verdict with its inputs; must run in a transaction. */
    Decision record(Actor actor, Project project, Release release, Environment environment) {
        Readiness.Evaluated evaluated = readiness.evaluate(project, release, environment);
        String inputs = new String(SortedJson.write(evaluated.inputs().toMap()), StandardCharsets.UTF_8);
        String inputsDigest = SortedJson.sha256(inputs);
        ReadinessReport report = evaluated.report();
        if (report.pack().id().equals(PolicyPacks.BASELINE_ID)) {
            // Uploaded packs are kept anyway; the built-in one must outlive an upgrade of Greenlight for this to replay.
            packs.find(project.workspaceId(), report.pack().id(), report.pack().version()).ifPresent(used -> packs.preserve(actor, used));
        }
        UUID id = Ids.newId(clock);
        Instant decidedAt = evaluated.inputs().at();
        jdbc.sql("""
                insert into decisions (id, workspace_id, project_id, release_id, environment_id, verdict, score, pack_id, pack_version,
                    pack_sha256, inputs, inputs_digest, result, decided_by, decided_at)
                values (:id, :workspace, :project, :release, :environment, :verdict, :score, :pack, :version, :sha256, :inputs, :digest,
                    cast(:result as jsonb), :by, :at)""")
                .param("id", id).param("workspace", project.workspaceId()).param("project", project.id())
                .param("release", release.id()).param("environment", environment.id()).param("verdict", report.verdict())
                .param("score", report.score()).param("pack", report.pack().id()).param("version", report.pack().version())
                .param("sha256", report.pack().sha256()).param("inputs", inputs).param("digest", inputsDigest)
                .param("result", JSON.writeValueAsString(report)).param("by", actor.principalId())
                .param("at", OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC))
                .update();
        long index = ledger.append(new LedgerEvent(actor.workspaceId(), actor.workspaceSlug(), "decision.recorded", project.slug(),
                actor.name(), subject(id, evaluated.inputs(), report, inputsDigest)));
        jdbc.sql("update decisions set ledger_index = :index where id = :id").param("index", index).param("id", id).update();
        events.publishEvent(new ReleaseChanged(project.workspaceId(), project.slug(), release.version(), environment.name(),
                ReleaseChanged.Kind.DECISIONS));
        return require(project.workspaceId(), id.toString());
    }

    /**
     * What the ledger keeps of a decision: enough to check the stored inputs against (their digest) and to see the
     * verdict, the pack, and which waivers and approvals counted, without the facts themselves (the entry has a size limit).
     */
    private static Map<String, Object> subject(UUID id, GateInputs inputs, ReadinessReport report, String inputsDigest) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("decision", id.toString());
        subject.put("release", inputs.release());
        subject.put("environment", inputs.environment());
        subject.put("verdict", report.verdict());
        subject.put("score", (long) report.score());
        subject.put("pack", Map.of("id", inputs.pack().id(), "version", inputs.pack().version(), "sha256", inputs.pack().sha256()));
        subject.put("inputsDigest", inputsDigest);
        subject.put("factsDigest", inputs.factsDigest());
        subject.put("evidence", (long) inputs.evidence().size());
        subject.put("waivers", inputs.waivers().stream().map(GateInputs.WaiverInput::id).toList());
        subject.put("approvals", inputs.approvals().stream().map(GateInputs.ApprovalInput::id).toList());
        subject.put("blockers", report.blockers().stream().map(ReadinessReport.Blocker::rule).toList());
        subject.put("evaluatedAt", inputs.at().toString());
        return subject;
    }

    Optional<Decision> find(UUID workspaceId, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " where d.workspace_id = :workspace and d.id = :id")
                .param("workspace", workspaceId).param("id", uuid).query(ROW).optional();
    }

    Decision require(UUID workspaceId, String id) {
        return find(workspaceId, id).orElseThrow(() -> notFound(id));
    }

    /** A decision of the caller's workspace whose project the caller may read; any other does not exist for them. */
    Decision requireReadable(Caller caller, String id) {
        Decision decision = require(caller.workspaceId(), id);
        try {
            access.require(caller, Permission.PROJECT_READ, decision.project());
        } catch (GreenlightException e) {
            throw e.kind() == ProblemKind.NOT_FOUND ? notFound(id) : e;
        }
        return decision;
    }

    static GreenlightException notFound(String id) {
        return GreenlightException.notFound("There is no decision '" + id.replaceAll("[^0-9a-fA-F-]", "?") + "'.");
    }

    /** Newest first, optionally of one environment. */
    Page<Decision> list(Release release, Optional<Environment> environment, PageRequest page) {
        UUID after = page.afterId();
        List<Decision> rows = jdbc.sql("select " + COLUMNS + """
                 where d.workspace_id = :workspace and d.release_id = :release
                  and (cast(:environment as uuid) is null or d.environment_id = cast(:environment as uuid))
                  and (cast(:after as uuid) is null or d.id < cast(:after as uuid))
                order by d.id desc limit :limit""")
                .param("workspace", release.workspaceId()).param("release", release.id())
                .param("environment", environment.map(Environment::id).orElse(null))
                .param("after", after).param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, decision -> decision.id().toString());
    }
}
