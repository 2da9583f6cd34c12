package dev.greenlight.evidence.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.SbomFacts.Component;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;
import dev.greenlight.evidence.internal.FindingTally;

/**
 * The vulnerabilities a CycloneDX BOM carries, turned into one finding per affected component once the whole BOM is
 * read (a vulnerability names components by bom-ref, and may come before them). Every finding is counted as its
 * vulnerability ends; only those the listing has room for are kept (the listing limit bounds findings, not
 * vulnerabilities, and a vulnerability's affected components beyond it are counted, not kept).
 */
final class SbomVulnerabilities {
    /** Analysis states under which the BOM's author says the vulnerability does not count (its built-in VEX). */
    private static final Set<String> NOT_COUNTED = Set.of("not_affected", "false_positive", "resolved", "resolved_with_pedigree");
    private static final int MAX_ALIASES = 20;

    private final int max;
    /** The vulnerabilities with a listed finding, each with its listed affected components. */
    private final List<Vulnerability> vulnerabilities = new ArrayList<>();
    private long listedFindings;
    private final FindingTally counts = new FindingTally();
    private boolean truncated;

    SbomVulnerabilities(int max) {
        this.max = max;
    }

    static final class Vulnerability {
        @Nullable String id;
        @Nullable Severity severity;
        @Nullable String description;
        @Nullable String analysisState;
        final List<String> aliases = new ArrayList<>();
        /** The affected components the listing has room for. */
        final List<Affected> affects = new ArrayList<>();
        /** All affected components, and those with a fixed version, listed or not. */
        long affectedCount;
        long affectedWithFix;

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

    /** Counts the vulnerability's findings, once it is read whole (its severity may come after what it affects). */
    void add(Vulnerability vulnerability) {
        if (vulnerability.analysisState != null && NOT_COUNTED.contains(vulnerability.analysisState)) {
            return;
        }
        Severity severity = vulnerability.severity == null ? Severity.UNKNOWN : vulnerability.severity;
        // No affected component is still one finding, without a package.
        long findings = Math.max(1, vulnerability.affectedCount);
        counts.add(severity, findings, vulnerability.affectedWithFix);
        long listed = vulnerability.affectedCount == 0 ? (listedFindings < max ? 1 : 0) : vulnerability.affects.size();
        truncated |= listed < findings;
        if (listed > 0) {
            listedFindings += listed;
            vulnerabilities.add(vulnerability);
        }
    }

    /** Adds a component the vulnerability affects: each is a finding, counted always, kept while the listing has room. */
    void addAffected(Vulnerability vulnerability, Affected affected) {
        vulnerability.affectedCount++;
        if (FindingTally.isFix(affected.fixedVersion)) {
            vulnerability.affectedWithFix++;
        }
        if (listedFindings + vulnerability.affects.size() < max) {
            vulnerability.affects.add(affected);
        }
    }

    /** Every finding by severity, listed or not. */
    SeverityCounts bySeverity() {
        return counts.bySeverity();
    }

    /** Every finding with a fixed version by severity, listed or not. */
    SeverityCounts fixable() {
        return counts.fixable();
    }

    /** Whether a finding was left out of the listing. */
    boolean truncated() {
        return truncated;
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
