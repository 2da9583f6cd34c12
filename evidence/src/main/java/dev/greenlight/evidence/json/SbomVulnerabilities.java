package dev.greenlight.evidence.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.SbomFacts.Component;
import dev.greenlight.evidence.facts.Severity;

/**
 * The vulnerabilities a CycloneDX BOM carries, turned into one finding per affected component once the whole BOM is
 * read (a vulnerability names components by bom-ref, and may come before them).
 */
final class SbomVulnerabilities {
    /** Analysis states under which the BOM's author says the vulnerability does not count (its built-in VEX). */
    private static final Set<String> NOT_COUNTED = Set.of("not_affected", "false_positive", "resolved", "resolved_with_pedigree");
    private static final int MAX_ALIASES = 20;

    private final int max;
    private final List<Vulnerability> vulnerabilities = new ArrayList<>();
    private long findingCount;

    SbomVulnerabilities(int max) {
        this.max = max;
    }

    static final class Vulnerability {
        @Nullable String id;
        @Nullable Severity severity;
        @Nullable String description;
        @Nullable String analysisState;
        final List<String> aliases = new ArrayList<>();
        final List<Affected> affects = new ArrayList<>();

        /**
         * Takes the highest severity of all ratings (sources disagree; a gate should see the worst): a rating's word,
         * or its score when it has no usable word.
         */
        void rate(@Nullable String word, @Nullable Double score) {
            Severity rated = Severity.parse(word);
            if (rated == Severity.UNKNOWN && score != null) {
                rated = Severity.fromScore(score);
            }
            if (severity == null || rated.compareTo(severity) < 0) {
                severity = rated;
            }
        }

        void addAlias(@Nullable String alias) {
            if (alias != null && !alias.isBlank() && !alias.equals(id) && !aliases.contains(alias) && aliases.size() < MAX_ALIASES) {
                aliases.add(Texts.shorten(alias, 200));
            }
        }
    }

    static final class Affected {
        @Nullable String reference;
        @Nullable String fixedVersion;
    }

    void add(Vulnerability vulnerability) {
        if (vulnerability.analysisState != null && NOT_COUNTED.contains(vulnerability.analysisState)) {
            return;
        }
        findingCount += Math.max(1, vulnerability.affects.size());
        if (findingCount > max) {
            throw new EvidenceLimitException("The SBOM lists more than " + max + " vulnerability findings.");
        }
        vulnerabilities.add(vulnerability);
    }

    /** Adds a component the vulnerability affects; each is a finding, so they count against the limit as they come. */
    void addAffected(Vulnerability vulnerability, Affected affected) {
        if (findingCount + vulnerability.affects.size() >= max) {
            throw new EvidenceLimitException("The SBOM lists more than " + max + " vulnerability findings.");
        }
        vulnerability.affects.add(affected);
    }

    List<Finding> findings(Map<String, Component> componentsByReference) {
        List<Finding> findings = new ArrayList<>();
        for (Vulnerability vulnerability : vulnerabilities) {
            String id = Texts.shorten(vulnerability.id == null ? "" : vulnerability.id, 200);
            Severity severity = vulnerability.severity == null ? Severity.UNKNOWN : vulnerability.severity;
            if (vulnerability.affects.isEmpty()) {
                findings.add(new Finding(id, severity, null, null, null, null, vulnerability.description, vulnerability.aliases));
            }
            for (Affected affected : vulnerability.affects) {
                String reference = affected.reference == null ? "" : affected.reference;
                Component component = componentsByReference.get(reference);
                String name;
                String version;
                String purl;
                if (component != null) {
                    name = component.name();
                    version = component.version();
                    purl = component.purl();
                } else {
                    Purls.NameAndVersion fromPurl = Purls.nameAndVersion(reference);
                    name = fromPurl == null ? Texts.shorten(reference, 500) : fromPurl.name();
                    version = fromPurl == null ? null : fromPurl.version();
                    purl = fromPurl == null ? null : Texts.shorten(reference, 1000);
                }
                findings.add(new Finding(id, severity, name, version, affected.fixedVersion, purl, vulnerability.description,
                        vulnerability.aliases));
            }
        }
        return findings;
    }
}
