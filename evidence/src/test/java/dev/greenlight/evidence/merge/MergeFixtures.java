package dev.greenlight.evidence.merge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VexFacts.Statement;
import dev.greenlight.evidence.facts.VexFacts.Status;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

/** Typed facts built directly, and a way to read merged facts by their dotted names as policies do. */
final class MergeFixtures {
    static final int LIMIT = 100;
    private static final Instant UPLOADED = Instant.parse("2025-06-01T10:00:00Z");

    private MergeFixtures() {
    }

    static SourcedFacts evidence(String id, EvidenceType type, EvidenceFacts facts) {
        return evidence(id, type, facts, UPLOADED);
    }

    static SourcedFacts evidence(String id, EvidenceType type, EvidenceFacts facts, Instant uploadedAt) {
        return new SourcedFacts(id, type, sha256(id), uploadedAt, facts);
    }

    static Map<String, Object> merge(SourcedFacts... evidence) {
        return merge(LIMIT, evidence);
    }

    static Map<String, Object> merge(int maxListedItems, SourcedFacts... evidence) {
        return new ReleaseFactsMerger(maxListedItems).merge(Arrays.asList(evidence), List.of());
    }

    /** A merged fact by its dotted name ({@code vulns.bySeverity.high}), as a policy reads it. */
    @SuppressWarnings("unchecked")
    static <T> T fact(Map<String, Object> facts, String name) {
        Object value = facts;
        for (String segment : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(segment)) {
                throw new AssertionError("no fact " + name + " in " + facts);
            }
            value = map.get(segment);
        }
        return (T) value;
    }

    static String sha256(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Finding finding(String id, Severity severity, String packageName, String version, @Nullable String fixedVersion,
            @Nullable String purl, String... aliases) {
        return new Finding(id, severity, packageName, version, fixedVersion, purl, null, List.of(aliases));
    }

    static SourcedFacts scan(String id, String scanner, Finding... findings) {
        return evidence(id, EvidenceType.fromWireName(scanner).orElseThrow(), VulnerabilityFacts.complete(scanner, List.of(findings), List.of()));
    }

    static Statement statement(String vulnerability, Status status, List<String> products, String... aliases) {
        return new Statement(vulnerability, List.of(aliases), products, status, status == Status.NOT_AFFECTED ? "vulnerable_code_not_in_execute_path" : null);
    }

    static SourcedFacts vex(String id, Statement... statements) {
        return evidence(id, EvidenceType.OPENVEX, new VexFacts(List.of(statements)));
    }
}
