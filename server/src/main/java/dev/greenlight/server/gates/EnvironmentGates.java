package dev.greenlight.server.gates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The environment_gates table: one row per environment whose gate was configured; the rest keep the defaults. */
@Service
class EnvironmentGates {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;

    EnvironmentGates(JdbcClient jdbc, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    GateSettings of(Environment environment) {
        return jdbc.sql("""
                select g.pack_id, g.parameters, g.required_approvals, g.freeze_windows, p.name as updated_by, g.updated_at
                from environment_gates g join principals p on p.id = g.updated_by where g.environment_id = :environment""")
                .param("environment", environment.id())
                .query((row, number) -> new GateSettings(
                        row.getString("pack_id"),
                        JSON.readValue(row.getString("parameters"), OBJECT),
                        JSON.readValue(row.getString("required_approvals"), OBJECTS).stream()
                                .map(one -> new GateSettings.RequiredApproval((String) one.get("role"), ((Number) one.get("count")).intValue()))
                                .toList(),
                        JSON.readValue(row.getString("freeze_windows"), OBJECTS).stream()
                                .map(one -> new FreezeWindow((String) one.get("cron"), Duration.parse((String) one.get("duration")),
                                        (String) one.get("zone"), (String) one.get("reason")))
                                .toList(),
                        row.getString("updated_by"),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional()
                .orElseGet(GateSettings::defaults);
    }

    /** Replaces the gate's settings (already checked) and records the change; the same settings again change nothing. */
    GateSettings replace(Actor actor, Project project, Environment environment, GateSettings settings) {
        Map<String, Object> stored = stored(settings);
        if (stored.equals(stored(of(environment)))) {
            return of(environment);
        }
        jdbc.sql("""
                insert into environment_gates (environment_id, pack_id, parameters, required_approvals, freeze_windows, updated_by, updated_at)
                values (:environment, :pack, cast(:parameters as jsonb), cast(:approvals as jsonb), cast(:freezes as jsonb), :by, :at)
                on conflict (environment_id) do update set pack_id = excluded.pack_id, parameters = excluded.parameters,
                    required_approvals = excluded.required_approvals, freeze_windows = excluded.freeze_windows,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("environment", environment.id())
                .param("pack", settings.pack())
                .param("parameters", JSON.writeValueAsString(stored.get("parameters")))
                .param("approvals", JSON.writeValueAsString(stored.get("requiredApprovals")))
                .param("freezes", JSON.writeValueAsString(stored.get("freezeWindows")))
                .param("by", actor.principalId())
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .update();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("environment", environment.name());
        subject.putAll(stored);
        ledger.append(new LedgerEvent(actor.workspaceId(), actor.workspaceSlug(), "gate.changed", project.slug(), actor.name(),
                CanonicalValues.of(subject)));
        return of(environment);
    }

    /** The settings as JSON values, the form kept in the table and in the ledger entry. */
    private static Map<String, Object> stored(GateSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (settings.pack() != null) {
            values.put("pack", settings.pack());
        }
        values.put("parameters", settings.parameters());
        values.put("requiredApprovals", settings.requiredApprovals().stream()
                .map(one -> Map.<String, Object>of("role", one.role(), "count", (long) one.count())).toList());
        values.put("freezeWindows", settings.freezeWindows().stream().map(window -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("cron", window.cron());
            one.put("duration", window.duration().toString());
            one.put("zone", window.zone());
            if (window.reason() != null) {
                one.put("reason", window.reason());
            }
            return one;
        }).toList());
        return values;
    }
}
