package dev.greenlight.server.releases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.ledger.CanonicalJson;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.projects.Project;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarantine list of a release: the ids of tests known to be flaky, which the gates do not let block it. The list
 * is a set, kept sorted, so that the same tests always give the same digest.
 */
@Service
class Quarantines {
    /** Most test ids one list holds. */
    static final int MAX_TESTS = 1_000;
    /** Longest test id: class names and parameterised test names can be long, but not unbounded. */
    static final int MAX_TEST_ID_LENGTH = 500;
    /**
     * How many characters of added and removed ids a ledger entry lists; beyond it the entry keeps the counts and the
     * digest of the whole list, because an entry must stay far below the ledger's 64 KiB limit.
     */
    static final int MAX_LISTED_CHARACTERS = 30_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Releases releases;
    private final Ledger ledger;
    private final Clock clock;

    Quarantines(JdbcClient jdbc, Releases releases, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.releases = releases;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The release's list with who set it last, and why. */
    record Quarantine(List<String> tests, @Nullable String reason, @Nullable UUID updatedBy, @Nullable Instant updatedAt) {
        Quarantine {
            tests = List.copyOf(tests);
        }
    }

    Quarantine of(Release release) {
        return jdbc.sql("select quarantine_reason, quarantine_updated_by, quarantine_updated_at from releases where id = :id")
                .param("id", release.id())
                .query((row, number) -> new Quarantine(release.quarantine(), row.getString("quarantine_reason"),
                        row.getObject("quarantine_updated_by", UUID.class),
                        row.getObject("quarantine_updated_at", OffsetDateTime.class) == null ? null
                                : row.getObject("quarantine_updated_at", OffsetDateTime.class).toInstant()))
                .single();
    }

    /** Replaces the list. The same tests again change nothing and record nothing, whatever the reason says. */
    Quarantine replace(Actor actor, Project project, Release release, List<String> tests, String reason) {
        Release current = releases.lock(project, release);
        List<String> after = List.copyOf(new TreeSet<>(tests));
        List<String> before = current.quarantine();
        if (after.equals(before)) {
            return of(current);
        }
        jdbc.sql("""
                update releases set quarantine = cast(:tests as jsonb), quarantine_reason = :reason,
                    quarantine_updated_by = :by, quarantine_updated_at = :now
                where id = :id""")
                .param("tests", JSON.writeValueAsString(after)).param("reason", reason).param("by", actor.principalId())
                .param("now", OffsetDateTime.now(clock)).param("id", current.id())
                .update();
        ledger.append(new LedgerEvent(project.workspaceId(), actor.workspaceSlug(), "release.quarantine-changed", project.slug(),
                actor.name(), subject(current.version(), before, after, reason)));
        return of(releases.require(project, current.version()));
    }

    private static Map<String, Object> subject(String version, List<String> before, List<String> after, String reason) {
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("release", version);
        subject.put("tests", after.size());
        subject.put("digest", Release.sha256(CanonicalJson.serialize(after)));
        subject.put("addedCount", added.size());
        subject.put("removedCount", removed.size());
        boolean listed = characters(added) + characters(removed) <= MAX_LISTED_CHARACTERS;
        subject.put("changesListed", listed);
        if (listed) {
            subject.put("added", added);
            subject.put("removed", removed);
        }
        subject.put("reason", reason);
        return subject;
    }

    private static long characters(List<String> ids) {
        return ids.stream().mapToLong(String::length).sum();
    }
}
