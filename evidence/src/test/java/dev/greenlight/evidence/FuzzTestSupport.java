package dev.greenlight.evidence;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.PerformanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SastFacts.Level;
import dev.greenlight.evidence.facts.SastFacts.LevelCounts;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SeverityCounts;
import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

/**
 * The property every evidence fuzz test checks (the {@code *FuzzTest} classes, one Jazzer {@code @FuzzTest} each):
 * whatever the bytes, a parser returns facts that hold together, or throws one of its declared exceptions
 * ({@link EvidenceFormatException} naming its own format and a place, {@link EvidenceLimitException}). Anything else
 * escaping, a hang (Jazzer's per-input timeout) or a connection opened (Jazzer's SSRF sanitizer, which also sees the
 * JDK's XML parser fetch an external entity or DTD) is a finding.
 */
public final class FuzzTestSupport {
    /** Small limits, so that the fuzzer reaches them with small inputs and each input stays fast. */
    public static final ParseLimits LIMITS = new ParseLimits(32, 4096, 1 << 20, 50, 20);
    /** A libFuzzer dictionary of numbers at the edges of long and double, for {@code @DictionaryFile}. */
    public static final String NUMBERS = "/dev/greenlight/evidence/fuzz-numbers.dict";

    private FuzzTestSupport() {
    }

    /** Detects and parses the input with {@link #LIMITS}. */
    public static void parseOrReject(EvidenceParser parser, byte[] input) {
        parseOrReject(parser, input, LIMITS);
    }

    public static void parseOrReject(EvidenceParser parser, byte[] input, ParseLimits limits) {
        // Detection sees any head: it answers, and never throws.
        parser.recognizes(input);
        EvidenceFacts facts;
        try {
            facts = parser.parse(new ByteArrayInputStream(input), limits);
        } catch (EvidenceFormatException e) {
            if (e.format() != parser.type() || e.location().isBlank()) {
                throw new AssertionError(parser.type() + " rejected with a format error naming " + e.format() + " at '"
                        + e.location() + "': " + e.getMessage(), e);
            }
            return;
        } catch (EvidenceLimitException e) {
            return;
        }
        if (facts.family() != parser.type().family()) {
            throw new AssertionError(parser.type() + " gave " + facts.family() + " facts");
        }
        check(facts, limits);
    }

    /** The invariants of facts, whichever parser made them. */
    public static void check(EvidenceFacts facts, ParseLimits limits) {
        int max = limits.maxListedItems();
        switch (facts) {
            case TestFacts tests -> {
                require(tests.total() >= 0 && tests.passed() >= 0 && tests.failed() >= 0 && tests.errors() >= 0 && tests.skipped() >= 0
                        && tests.flaky() >= 0, "negative test counts", tests);
                require(tests.passed() + tests.failed() + tests.errors() + tests.skipped() == tests.total(),
                        "passed + failed + errors + skipped is not total", tests);
                require(tests.flaky() <= tests.passed(), "more flaky than passed tests", tests);
                require(tests.failedTests().size() <= Math.min(max, tests.failed() + tests.errors()), "failed tests over-listed", tests);
                require(tests.flakyTests().size() <= Math.min(max, tests.flaky()), "flaky tests over-listed", tests);
                require(tests.failedTestsTruncated() == (tests.failedTests().size() < tests.failed() + tests.errors()),
                        "failedTestsTruncated disagrees with the listing", tests);
                require(tests.flakyTestsTruncated() == (tests.flakyTests().size() < tests.flaky()),
                        "flakyTestsTruncated disagrees with the listing", tests);
                require(Double.isFinite(tests.durationSeconds()) && tests.durationSeconds() >= 0,
                        "duration not a finite non-negative number", tests);
            }
            case CoverageFacts coverage -> {
                counter(coverage.lines(), coverage);
                counter(coverage.branches(), coverage);
                require(coverage.files().size() <= max, "files listed past the limit", coverage.files().size());
                require(!coverage.filesTruncated() || coverage.files().size() == max,
                        "files truncated below the limit", coverage.files().size());
                for (FileCoverage file : coverage.files()) {
                    counter(file.lines(), file);
                    counter(file.branches(), file);
                }
            }
            case SbomFacts sbom -> {
                require(List.of("cyclonedx", "spdx").contains(sbom.format()), "unknown SBOM format", sbom.format());
                require(sbom.componentCount() >= sbom.components().size(), "more components listed than counted", sbom.componentCount());
                require(sbom.components().size() <= max, "components listed past the limit", sbom.components().size());
                require(sbom.componentsTruncated() == (sbom.components().size() < sbom.componentCount()),
                        "componentsTruncated disagrees with the listing", sbom.componentCount());
                require(sbom.dependencyCount() >= 0, "negative dependency count", sbom.dependencyCount());
                require(sbom.vulnerabilities().size() <= max, "vulnerabilities listed past the limit", sbom.vulnerabilities().size());
                findingCounts(sbom.vulnerabilities(), sbom.vulnerabilitiesBySeverity(), sbom.fixableVulnerabilities(), sbom);
                // The listing may stop below the limit (a vulnerability's findings are kept or cut together only as they fit).
                require(sbom.vulnerabilitiesTruncated() == (sbom.vulnerabilities().size() < sbom.vulnerabilitiesBySeverity().total()),
                        "vulnerabilitiesTruncated disagrees with the counts", sbom);
            }
            case VulnerabilityFacts vulns -> {
                require(vulns.findings().size() <= max && vulns.ignored().size() <= max,
                        "findings listed past the limit", vulns.findings().size());
                require(!vulns.findingsTruncated() || vulns.findings().size() == max || vulns.ignored().size() == max,
                        "findings truncated below the limit", vulns.findings().size());
                findingCounts(vulns.findings(), vulns.bySeverity(), vulns.fixable(), vulns);
                require(vulns.findings().size() == vulns.bySeverity().total() || vulns.findingsTruncated(),
                        "findings counted but neither listed nor flagged truncated", vulns);
            }
            case SastFacts sast -> {
                require(sast.results().size() <= max && sast.suppressed().size() <= max,
                        "results listed past the limit", sast.results().size());
                require(!sast.resultsTruncated() || sast.results().size() == max || sast.suppressed().size() == max,
                        "results truncated below the limit", sast.results().size());
                // Every result counts, listed or not: the counts cover the listing, and equal it when nothing was cut.
                LevelCounts listedLevels = LevelCounts.of(sast.results());
                SeverityCounts listedSeverities = SastFacts.securitySeveritiesOf(sast.results());
                for (Level level : Level.values()) {
                    require(sast.byLevel().count(level) >= listedLevels.count(level), "fewer results counted than listed", sast);
                }
                require(sast.bySecuritySeverity().covers(listedSeverities), "fewer security severities counted than listed", sast);
                require(sast.bySecuritySeverity().total() <= sast.total(), "more security severities than results", sast);
                require(sast.suppressedCount() >= sast.suppressed().size(), "fewer suppressed counted than listed", sast);
                if (!sast.resultsTruncated()) {
                    require(sast.byLevel().equals(listedLevels) && sast.bySecuritySeverity().equals(listedSeverities)
                            && sast.suppressedCount() == sast.suppressed().size(), "counts differ from a complete listing", sast);
                }
                require(sast.toMap().get("total").equals(sast.total()), "total is not the sum by level", sast);
            }
            case PerformanceFacts perf -> {
                require(perf.checksPassed() >= 0 && perf.checksFailed() >= 0, "negative check counts", perf);
                require(perf.requests() == null || perf.requests() >= 0, "negative request count", perf);
                require(perf.thresholds().size() <= max, "thresholds listed past the limit", perf.thresholds().size());
            }
            case VexFacts vex -> require(vex.statements().size() <= max, "statements listed past the limit", vex.statements().size());
            case ProvenanceFacts provenance -> {
                require(!provenance.predicateType().isBlank(), "no predicate type", provenance);
                require(provenance.subjects().size() <= max, "subjects listed past the limit", provenance.subjects().size());
            }
        }
        jsonLike(facts.toMap(), facts.family().prefix());
    }

    /** What policies read and the API shows: strings, longs, finite doubles, booleans, lists and maps only. */
    private static void jsonLike(Object value, String path) {
        switch (value) {
            case String text -> { }
            case Long number -> { }
            case Boolean bool -> { }
            case Double number -> require(Double.isFinite(number), "a fact that JSON cannot hold", path + " = " + number);
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    jsonLike(list.get(i), path + "[" + i + "]");
                }
            }
            case Map<?, ?> map -> map.forEach((key, item) -> {
                require(key instanceof String, "a fact name that is not a string", path + "." + key);
                jsonLike(item, path + "." + key);
            });
            default -> throw new AssertionError("a fact of type " + value.getClass().getName() + " at " + path);
        }
    }

    /**
     * Findings are counted whether listed or not: per severity, the counts cover the listed findings (and those with a
     * fix the listed ones with a fix); only findings that were counted can have a fix; a listing that lists as many
     * as were counted lists exactly the counts.
     */
    private static void findingCounts(List<Finding> listed, SeverityCounts bySeverity, SeverityCounts fixable, Object where) {
        SeverityCounts listedBySeverity = SeverityCounts.of(listed);
        SeverityCounts listedFixable = SeverityCounts.fixableOf(listed);
        require(bySeverity.covers(listedBySeverity), "fewer findings counted than listed", where);
        require(fixable.covers(listedFixable), "fewer fixable findings counted than listed", where);
        require(bySeverity.covers(fixable), "more fixable findings than findings", where);
        if (listed.size() == bySeverity.total()) {
            require(bySeverity.equals(listedBySeverity) && fixable.equals(listedFixable), "counts differ from a complete listing", where);
        }
    }

    private static void counter(Counter counter, Object where) {
        require(counter.total() >= 0 && counter.ratio() >= 0 && counter.ratio() <= 1, "covered + missed out of range", where);
    }

    private static void require(boolean condition, String problem, Object detail) {
        if (!condition) {
            throw new AssertionError(problem + ": " + detail);
        }
    }
}
