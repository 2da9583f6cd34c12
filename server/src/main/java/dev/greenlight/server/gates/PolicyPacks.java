package dev.greenlight.server.gates;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.policy.BaselinePack;
import dev.greenlight.policy.CompiledPack;
import dev.greenlight.policy.PackTestReport;
import dev.greenlight.policy.PackTestRunner;
import dev.greenlight.policy.PolicyPack;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.platform.InvalidFields;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.projects.Project;

/**
 * The workspace's policy packs: immutable versions as uploaded, the active version of each pack, and each project's
 * default pack. {@code greenlight/baseline} is built in: it is there, and active, without being uploaded.
 */
@Service
class PolicyPacks {
    static final String BASELINE_ID = "greenlight/baseline";
    /** Two lowercase segments, like the URLs that name them: {@code /api/v1/policies/acme/strict}. */
    static final Pattern PACK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}/[a-z0-9][a-z0-9-]{0,62}");
    private static final String COLUMNS = """
            p.id, p.pack_id, p.version, p.description, p.sha256, p.rule_count, p.source, u.name as uploaded_by_name, p.uploaded_at""";
    private static final RowMapper<StoredPack> ROW = (row, number) -> new StoredPack(
            row.getObject("id", UUID.class), row.getString("pack_id"), row.getString("version"), row.getString("description"),
            row.getString("sha256"), row.getInt("rule_count"), row.getBytes("source"), row.getString("uploaded_by_name"),
            row.getObject("uploaded_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final CompiledPacks compiled;
    private final Clock clock;
    private volatile @Nullable StoredPack baseline;

    PolicyPacks(JdbcClient jdbc, Ledger ledger, CompiledPacks compiled, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.compiled = compiled;
        this.clock = clock;
    }

    record Upload(StoredPack pack, boolean created) {
    }

    /**
     * Keeps a new pack version after it parsed and compiled. The same version with the same bytes again is the
     * existing one; with other bytes it is refused, because decisions name a version and must mean one text.
     */
    Upload upload(Actor actor, byte[] yaml) {
        CompiledPack pack = compiled.compile(yaml, "upload");
        PolicyPack parsed = pack.pack();
        if (!PACK_ID.matcher(parsed.id()).matches()) {
            throw InvalidFields.single("id", "must be two lowercase segments such as acme/strict ([a-z0-9-], each at most 63 characters)");
        }
        if (parsed.id().startsWith("greenlight/")) {
            throw InvalidFields.single("id", "the namespace 'greenlight/' is reserved for the packs that ship with Greenlight");
        }
        Optional<StoredPack> existing = find(actor.workspaceId(), parsed.id(), parsed.version());
        if (existing.isPresent()) {
            if (existing.get().sha256().equals(parsed.sha256())) {
                return new Upload(existing.get(), false);
            }
            throw GreenlightException.conflict("Pack " + parsed.id() + " already has a version " + parsed.version()
                    + " with other content; a version never changes, upload a new version instead.");
        }
        UUID id = Ids.newId(clock);
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into policy_packs (id, workspace_id, pack_id, version, description, source, sha256, rule_count, uploaded_by, uploaded_at)
                values (:id, :workspace, :pack, :version, :description, :source, :sha256, :rules, :by, :at)""")
                .param("id", id).param("workspace", actor.workspaceId()).param("pack", parsed.id()).param("version", parsed.version())
                .param("description", parsed.description()).param("source", yaml).param("sha256", parsed.sha256())
                .param("rules", parsed.rules().size()).param("by", actor.principalId()).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        ledger.append(event(actor, "policy.uploaded", parsed.id(), parsed.version(), parsed.sha256(),
                Map.of("rules", (long) parsed.rules().size())));
        return new Upload(find(actor.workspaceId(), parsed.id(), parsed.version()).orElseThrow(), true);
    }

    /** A version of a pack: uploaded to the workspace, or the built-in baseline. */
    Optional<StoredPack> find(UUID workspaceId, String packId, String version) {
        if (packId.equals(BASELINE_ID) && baseline().version().equals(version)) {
            return Optional.of(baseline());
        }
        return jdbc.sql("select " + COLUMNS + """
                 from policy_packs p join principals u on u.id = p.uploaded_by
                where p.workspace_id = :workspace and p.pack_id = :pack and p.version = :version""")
                .param("workspace", workspaceId).param("pack", packId).param("version", version)
                .query(ROW).optional();
    }

    StoredPack require(UUID workspaceId, String packId, String version) {
        return find(workspaceId, packId, version).orElseThrow(() -> GreenlightException.notFound(
                "There is no policy pack " + packId + " version " + version + "."));
    }

    /**
     * Keeps the built-in pack a decision used, so that the decision can still be replayed after an upgrade of Greenlight
     * has brought another version of the baseline. Uploaded packs are kept anyway.
     */
    void preserve(Actor actor, StoredPack pack) {
        if (!pack.builtIn()) {
            return;
        }
        jdbc.sql("""
                insert into policy_packs (id, workspace_id, pack_id, version, description, source, sha256, rule_count, uploaded_by, uploaded_at)
                values (:id, :workspace, :pack, :version, :description, :source, :sha256, :rules, :by, :at)
                on conflict (workspace_id, pack_id, version) do nothing""")
                .param("id", Ids.newId(clock)).param("workspace", actor.workspaceId()).param("pack", pack.packId())
                .param("version", pack.version()).param("description", pack.description()).param("source", pack.source())
                .param("sha256", pack.sha256()).param("rules", pack.ruleCount()).param("by", actor.principalId())
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .update();
    }

    /** Every version of a pack, newest upload first. */
    List<StoredPack> versions(UUID workspaceId, String packId) {
        List<StoredPack> stored = jdbc.sql("select " + COLUMNS + """
                 from policy_packs p join principals u on u.id = p.uploaded_by
                where p.workspace_id = :workspace and p.pack_id = :pack order by p.id desc""")
                .param("workspace", workspaceId).param("pack", packId)
                .query(ROW).list();
        if (!packId.equals(BASELINE_ID)) {
            return stored;
        }
        // The built-in version first, then the older ones that decisions kept (see preserve).
        List<StoredPack> versions = new java.util.ArrayList<>(List.of(baseline()));
        stored.stream().filter(one -> !one.version().equals(baseline().version())).forEach(versions::add);
        return versions;
    }

    /** Pack id → its active version, or null when none is active yet; the built-in baseline first. */
    Map<String, String> packIds(UUID workspaceId) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(BASELINE_ID, activeVersion(workspaceId, BASELINE_ID).orElseThrow());
        jdbc.sql("""
                select distinct p.pack_id, a.version from policy_packs p
                left join policy_pack_activations a on a.workspace_id = p.workspace_id and a.pack_id = p.pack_id
                where p.workspace_id = :workspace and p.pack_id <> :baseline order by p.pack_id""")
                .param("workspace", workspaceId).param("baseline", BASELINE_ID)
                .query(row -> {
                    ids.put(row.getString("pack_id"), row.getString("version"));
                });
        return ids;
    }

    Optional<String> activeVersion(UUID workspaceId, String packId) {
        if (packId.equals(BASELINE_ID)) {
            return Optional.of(baseline().version());
        }
        return jdbc.sql("select version from policy_pack_activations where workspace_id = :workspace and pack_id = :pack")
                .param("workspace", workspaceId).param("pack", packId).query(String.class).optional();
    }

    /** The version gates use now; none until one is activated (the built-in baseline always has one). */
    Optional<StoredPack> active(UUID workspaceId, String packId) {
        return activeVersion(workspaceId, packId).flatMap(version -> find(workspaceId, packId, version));
    }

    /** Makes a version the one gates use, after its own tests pass. */
    StoredPack activate(Actor actor, String packId, String version) {
        if (packId.equals(BASELINE_ID)) {
            throw GreenlightException.conflict("The built-in " + BASELINE_ID + " is always active in the version this server ships.");
        }
        StoredPack stored = require(actor.workspaceId(), packId, version);
        PackTestReport report = PackTestRunner.run(compiled.of(stored));
        if (!report.passed()) {
            throw testsFailed(stored, report);
        }
        Optional<String> previous = activeVersion(actor.workspaceId(), packId);
        if (previous.isPresent() && previous.get().equals(version)) {
            return stored;
        }
        jdbc.sql("""
                insert into policy_pack_activations (workspace_id, pack_id, version, activated_by, activated_at)
                values (:workspace, :pack, :version, :by, :at)
                on conflict (workspace_id, pack_id) do update set version = excluded.version, activated_by = excluded.activated_by,
                    activated_at = excluded.activated_at""")
                .param("workspace", actor.workspaceId()).param("pack", packId).param("version", version)
                .param("by", actor.principalId()).param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .update();
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("tests", (long) report.cases().size());
        previous.ifPresent(before -> more.put("previousVersion", before));
        ledger.append(event(actor, "policy.activated", packId, version, stored.sha256(), more));
        return stored;
    }

    /** The pack a project's environments use unless their gate names one. */
    Optional<String> projectDefault(Project project) {
        return jdbc.sql("select pack_id from project_policy_defaults where project_id = :project")
                .param("project", project.id()).query(String.class).optional();
    }

    void setProjectDefault(Actor actor, Project project, String packId) {
        if (active(actor.workspaceId(), packId).isEmpty()) {
            throw InvalidFields.single("pack", "must name a pack with an active version; " + packId + " has none");
        }
        Optional<String> before = projectDefault(project);
        if (before.isPresent() && before.get().equals(packId)) {
            return;
        }
        jdbc.sql("""
                insert into project_policy_defaults (project_id, pack_id, updated_by, updated_at) values (:project, :pack, :by, :at)
                on conflict (project_id) do update set pack_id = excluded.pack_id, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("project", project.id()).param("pack", packId).param("by", actor.principalId())
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)).update();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("pack", packId);
        before.ifPresent(previous -> subject.put("previousPack", previous));
        ledger.append(new LedgerEvent(actor.workspaceId(), actor.workspaceSlug(), "project.policy-changed", project.slug(), actor.name(), subject));
    }

    private StoredPack baseline() {
        StoredPack known = baseline;
        if (known == null) {
            PolicyPack pack = compiled.baseline().pack();
            known = new StoredPack(null, pack.id(), pack.version(), pack.description(), pack.sha256(), pack.rules().size(),
                    BaselinePack.yaml(), null, null);
            baseline = known;
        }
        return known;
    }

    private static LedgerEvent event(Actor actor, String kind, String packId, String version, String sha256, Map<String, Object> more) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("pack", packId);
        subject.put("version", version);
        subject.put("sha256", sha256);
        subject.putAll(more);
        return new LedgerEvent(actor.workspaceId(), actor.workspaceSlug(), kind, null, actor.name(), subject);
    }

    private static GreenlightException testsFailed(StoredPack stored, PackTestReport report) {
        List<Map<String, Object>> failures = report.cases().stream().filter(one -> !one.passed()).map(one -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("test", one.test());
            view.put("rule", one.rule());
            view.put("expected", one.expected().wireName());
            view.put("actual", one.actual() == null ? "none" : one.actual().wireName());
            if (one.error() != null) {
                view.put("error", one.error());
            }
            return view;
        }).toList();
        return new GreenlightException(ProblemKind.POLICY_TESTS_FAILED, failures.size() + " of " + report.cases().size()
                + " test expectations of " + stored.packId() + " " + stored.version() + " fail; it stays inactive.")
                .with("failures", failures);
    }
}
