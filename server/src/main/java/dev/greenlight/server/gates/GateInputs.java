package dev.greenlight.server.gates;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything a gate's verdict is computed from, and nothing else: evaluating the same inputs with the same pack gives the
 * same verdict, today or in ten years. A decision keeps them (as {@link SortedJson}) so that it can be replayed.
 *
 * @param at the clock of the evaluation; waivers and freezes were judged at this instant
 * @param facts the release's merged facts, family → values; {@code factsDigest} is the SHA-256 of their sorted JSON
 * @param parameters the environment's parameter values the pack declares
 * @param freeze the freeze window that held at {@code at}, or null
 */
public record GateInputs(
        String project,
        String release,
        String environment,
        Instant at,
        StoredPack.PackRef pack,
        Map<String, Object> facts,
        String factsDigest,
        List<EvidenceInput> evidence,
        Map<String, Object> parameters,
        List<String> quarantine,
        List<WaiverInput> waivers,
        List<ApprovalInput> approvals,
        List<GateSettings.RequiredApproval> requiredApprovals,
        @Nullable FreezeInput freeze) {

    public GateInputs {
        requireNonNull(at, "at is null");
        requireNonNull(pack, "pack is null");
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(facts, "facts is null")));
        evidence = List.copyOf(evidence);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
        quarantine = List.copyOf(quarantine);
        waivers = List.copyOf(waivers);
        approvals = List.copyOf(approvals);
        requiredApprovals = List.copyOf(requiredApprovals);
    }

    public record EvidenceInput(String id, String type, String sha256) {
    }

    public record WaiverInput(String id, String rule, String reason, String ticket, Instant expiresAt, String requestedBy, String approvedBy) {
    }

    public record ApprovalInput(String id, String role, String approver, Instant at) {
    }

    public record FreezeInput(String cron, String duration, String zone, @Nullable String reason, Instant until) {
    }

    /** The same inputs evaluated under another pack (a replay with today's pack). */
    GateInputs withPack(StoredPack.PackRef other, Map<String, Object> otherParameters) {
        return new GateInputs(project, release, environment, at, other, facts, factsDigest, evidence, otherParameters, quarantine,
                waivers, approvals, requiredApprovals, freeze);
    }

    /** Everything but the facts themselves (their digest stands for them): the key of the readiness cache. */
    byte[] keyBytes() {
        Map<String, Object> map = toMap();
        map.remove("facts");
        map.remove("at");
        return SortedJson.write(map);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("project", project);
        map.put("release", release);
        map.put("environment", environment);
        map.put("at", at.toString());
        map.put("pack", Map.of("id", pack.id(), "version", pack.version(), "sha256", pack.sha256()));
        map.put("facts", facts);
        map.put("factsDigest", factsDigest);
        map.put("evidence", evidence.stream().map(one -> Map.of("id", one.id(), "type", one.type(), "sha256", one.sha256())).toList());
        map.put("parameters", parameters);
        map.put("quarantine", quarantine);
        map.put("waivers", waivers.stream().map(one -> Map.of("id", one.id(), "rule", one.rule(), "reason", one.reason(),
                "ticket", one.ticket(), "expiresAt", one.expiresAt().toString(), "requestedBy", one.requestedBy(),
                "approvedBy", one.approvedBy())).toList());
        map.put("approvals", approvals.stream().map(one -> Map.of("id", one.id(), "role", one.role(), "approver", one.approver(),
                "at", one.at().toString())).toList());
        map.put("requiredApprovals", requiredApprovals.stream().map(one -> Map.of("role", one.role(), "count", (long) one.count())).toList());
        if (freeze != null) {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("cron", freeze.cron());
            window.put("duration", freeze.duration());
            window.put("zone", freeze.zone());
            if (freeze.reason() != null) {
                window.put("reason", freeze.reason());
            }
            window.put("until", freeze.until().toString());
            map.put("freeze", window);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    static GateInputs fromMap(Map<String, Object> map) {
        Map<String, Object> pack = (Map<String, Object>) map.get("pack");
        Map<String, Object> freeze = (Map<String, Object>) map.get("freeze");
        return new GateInputs(
                (String) map.get("project"),
                (String) map.get("release"),
                (String) map.get("environment"),
                Instant.parse((String) map.get("at")),
                new StoredPack.PackRef((String) pack.get("id"), (String) pack.get("version"), (String) pack.get("sha256")),
                (Map<String, Object>) map.get("facts"),
                (String) map.get("factsDigest"),
                list(map, "evidence").stream().map(one -> new EvidenceInput((String) one.get("id"), (String) one.get("type"),
                        (String) one.get("sha256"))).toList(),
                (Map<String, Object>) map.get("parameters"),
                (List<String>) map.get("quarantine"),
                list(map, "waivers").stream().map(one -> new WaiverInput((String) one.get("id"), (String) one.get("rule"),
                        (String) one.get("reason"), (String) one.get("ticket"), Instant.parse((String) one.get("expiresAt")),
                        (String) one.get("requestedBy"), (String) one.get("approvedBy"))).toList(),
                list(map, "approvals").stream().map(one -> new ApprovalInput((String) one.get("id"), (String) one.get("role"),
                        (String) one.get("approver"), Instant.parse((String) one.get("at")))).toList(),
                list(map, "requiredApprovals").stream().map(one -> new GateSettings.RequiredApproval((String) one.get("role"),
                        ((Number) one.get("count")).intValue())).toList(),
                freeze == null ? null : new FreezeInput((String) freeze.get("cron"), (String) freeze.get("duration"),
                        (String) freeze.get("zone"), (String) freeze.get("reason"), Instant.parse((String) freeze.get("until"))));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }
}
