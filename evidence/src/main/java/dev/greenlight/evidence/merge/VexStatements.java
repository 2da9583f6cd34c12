package dev.greenlight.evidence.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VexFacts.Statement;

/**
 * A release's VEX statements, indexed by vulnerability id, answering which statement decides a finding: the last one
 * (in upload order, then document order) that is about one of the finding's ids and applies to its package. A
 * statement that names package URLs applies to those packages only; one that names none (its products are the
 * release or its image) applies to every package of the release.
 */
final class VexStatements {
    private final Map<String, List<Applicable>> statementsById = new HashMap<>();

    /** A statement with the VEX evidence it came from. */
    record Applied(Statement statement, String evidenceId) {
    }

    private record Applicable(int order, Applied applied, List<PackageUrl> packages) {
        boolean appliesTo(@Nullable PackageUrl findingPackage) {
            if (packages.isEmpty()) {
                return true;
            }
            return findingPackage != null && packages.stream().anyMatch(product -> product.covers(findingPackage));
        }
    }

    VexStatements(List<SourcedFacts> vexEvidence) {
        int order = 0;
        for (SourcedFacts one : vexEvidence) {
            for (Statement statement : ((VexFacts) one.facts()).statements()) {
                List<PackageUrl> packages = statement.products().stream().map(PackageUrl::parse).filter(Objects::nonNull)
                        .filter(PackageUrl::namesPackage).toList();
                Applicable applicable = new Applicable(order++, new Applied(statement, one.evidenceId()), packages);
                for (String id : VulnerabilityIds.of(statement.vulnerability(), statement.aliases())) {
                    statementsById.computeIfAbsent(id, key -> new ArrayList<>()).add(applicable);
                }
            }
        }
    }

    Optional<Applied> decisive(Finding finding) {
        PackageUrl findingPackage = finding.purl() == null ? null : PackageUrl.parse(finding.purl());
        Applicable latest = null;
        for (String id : VulnerabilityIds.of(finding)) {
            for (Applicable candidate : statementsById.getOrDefault(id, List.of())) {
                if ((latest == null || candidate.order() > latest.order()) && candidate.appliesTo(findingPackage)) {
                    latest = candidate;
                }
            }
        }
        return Optional.ofNullable(latest).map(Applicable::applied);
    }
}
