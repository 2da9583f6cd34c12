package dev.greenlight.evidence.merge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SeverityCounts;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VexFacts.Status;
import dev.greenlight.evidence.facts.VulnerabilityFacts;
import dev.greenlight.evidence.internal.FindingTally;

/**
 * The release's vulnerabilities: the scanners' findings and the SBOMs', each vulnerability of a package once
 * ({@link FindingGroups}), then VEX applied ({@link VexStatements}): a finding the decisive statement calls
 * {@code not_affected} or {@code fixed} is listed as suppressed and not counted. Present only when there is evidence
 * of vulnerability scanning — a scanner report, or an SBOM that has vulnerabilities — so that a release without it
 * fails a vulnerability gate for missing evidence instead of passing with zero findings.
 *
 * <p>A report whose list was cut at the listing limit still has complete counts. Its unlisted findings cannot be
 * compared with other reports' or matched by VEX, so they are counted on top of the merged findings as they are (its
 * counts less those of its listed findings, severity by severity): the merge may count a finding twice, or one VEX
 * would have suppressed, but never leaves one out.
 */
final class VulnsMerge {
    private VulnsMerge() {
    }

    static Optional<Map<String, Object>> merge(List<SourcedFacts> evidence, int maxListedItems) {
        List<SourcedFacts> scans = evidence.stream().filter(one -> isScan(one.facts())).toList();
        if (scans.isEmpty()) {
            return Optional.empty();
        }
        List<SourcedFacts> vex = evidence.stream().filter(one -> one.facts() instanceof VexFacts).toList();
        Set<String> scanners = new LinkedHashSet<>();
        FindingGroups findings = new FindingGroups();
        BoundedList<Map<String, Object>> ignored = new BoundedList<>(maxListedItems);
        // The findings the reports counted but did not list: not deduplicated, not matched by VEX, all counted.
        FindingTally unlisted = new FindingTally();
        boolean truncated = false;
        for (SourcedFacts one : scans) {
            switch (one.facts()) {
                case VulnerabilityFacts scan -> {
                    scanners.add(scan.scanner());
                    scan.findings().forEach(findings::add);
                    scan.ignored().forEach(finding -> ignored.add(finding.toMap()));
                    addUnlisted(unlisted, scan.findings(), scan.bySeverity(), scan.fixable());
                    truncated |= scan.findingsTruncated();
                }
                case SbomFacts sbom -> {
                    sbom.vulnerabilities().forEach(findings::add);
                    addUnlisted(unlisted, sbom.vulnerabilities(), sbom.vulnerabilitiesBySeverity(), sbom.fixableVulnerabilities());
                    truncated |= sbom.vulnerabilitiesTruncated();
                }
                default -> throw new IllegalStateException("not a vulnerability scan: " + one.type().wireName());
            }
        }
        VexStatements statements = new VexStatements(vex);
        List<Finding> counted = new ArrayList<>();
        BoundedList<Map<String, Object>> listed = new BoundedList<>(maxListedItems);
        BoundedList<Map<String, Object>> suppressed = new BoundedList<>(maxListedItems);
        for (Finding finding : findings.findings()) {
            Optional<VexStatements.Applied> decisive = statements.decisive(finding).filter(VulnsMerge::suppresses);
            if (decisive.isPresent()) {
                suppressed.add(suppressedFinding(finding, decisive.get()));
            } else {
                counted.add(finding);
                listed.add(finding.toMap());
            }
        }
        SeverityCounts bySeverity = SeverityCounts.of(counted).plus(unlisted.bySeverity());
        SeverityCounts fixable = SeverityCounts.fixableOf(counted).plus(unlisted.fixable());
        return Optional.of(MergedMap.create()
                .put("scanners", List.copyOf(scanners))
                .put("total", bySeverity.total())
                .put("bySeverity", bySeverity.toMap())
                .put("fixable", fixable.toMap())
                .put("findings", listed.items())
                .put("suppressed", suppressed.items())
                .put("ignored", ignored.items())
                .put("findingsTruncated", truncated || listed.cut() || suppressed.cut() || ignored.cut())
                .put("sources", Sources.of(evidence.stream().filter(one -> isScan(one.facts()) || one.facts() instanceof VexFacts).toList()))
                .build());
    }

    private static boolean isScan(EvidenceFacts facts) {
        return facts instanceof VulnerabilityFacts || facts instanceof SbomFacts sbom && sbom.hasVulnerabilities();
    }

    /** What a report counted beyond its listed findings, severity by severity (nothing when its list is complete). */
    private static void addUnlisted(FindingTally unlisted, List<Finding> listed, SeverityCounts all, SeverityCounts fixable) {
        unlisted.add(all.beyond(SeverityCounts.of(listed)), fixable.beyond(SeverityCounts.fixableOf(listed)));
    }

    private static boolean suppresses(VexStatements.Applied applied) {
        Status status = applied.statement().status();
        return status == Status.NOT_AFFECTED || status == Status.FIXED;
    }

    private static Map<String, Object> suppressedFinding(Finding finding, VexStatements.Applied applied) {
        return MergedMap.startingWith(finding.toMap())
                .put("status", applied.statement().status().wireName())
                .putPresent("justification", applied.statement().justification())
                .put("vexEvidence", applied.evidenceId())
                .build();
    }
}
