package dev.greenlight.evidence.json;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.VulnerabilityFacts;
import dev.greenlight.evidence.internal.FindingTally;

/**
 * Grype JSON: {@code matches} become findings and {@code ignoredMatches} are kept apart. A fix counts only when its
 * state is {@code fixed}; the fixed version is the one Grype suggests for the installed version, else all fix versions
 * it lists. Related vulnerabilities (the CVE behind a GHSA, say) are the finding's aliases. Every match is read and
 * counted; the listings stop at their limit (ignored matches beyond it are skipped: they never count).
 */
final class GrypeParser implements EvidenceParser {
    private static final int MAX_ALIASES = 20;

    @Override
    public EvidenceType type() {
        return EvidenceType.GRYPE;
    }

    @Override
    public boolean recognizes(byte[] head) {
        JsonHead json = JsonHead.of(head);
        if (!json.has("/matches")) {
            return false;
        }
        // The descriptor comes after the matches, so a long report shows only its first match in the head.
        return json.textEquals("/descriptor/name", "grype")
                || json.has("/matches/0/vulnerability") && (json.has("/matches/0/artifact") || json.has("/matches/0/matchDetails"));
    }

    @Override
    public VulnerabilityFacts parse(InputStream input, ParseLimits limits) {
        return JsonDocuments.read(type(), input, limits, cursor -> new Document(cursor).read());
    }

    private static final class Document {
        private final JsonCursor cursor;
        private final Listing<Finding> findings;
        private final Listing<Finding> ignored;
        private final FindingTally counts = new FindingTally();
        private boolean hasMatches;

        Document(JsonCursor cursor) {
            this.cursor = cursor;
            this.findings = new Listing<>(cursor.limits().maxListedItems());
            this.ignored = new Listing<>(cursor.limits().maxListedItems());
        }

        VulnerabilityFacts read() {
            cursor.readObject(key -> switch (key) {
                case "matches" -> {
                    hasMatches = true;
                    readMatches(findings, true);
                    yield true;
                }
                case "ignoredMatches" -> {
                    readMatches(ignored, false);
                    yield true;
                }
                default -> false;
            });
            if (!hasMatches) {
                throw cursor.error("matches is missing: not a Grype report");
            }
            return new VulnerabilityFacts("grype", findings.items(), ignored.items(), findings.truncated() || ignored.truncated(),
                    counts.bySeverity(), counts.fixable());
        }

        /** Reads the matches into the listing; counted ones are all read, beyond the listing limit too. */
        private void readMatches(Listing<Finding> into, boolean counted) {
            cursor.readArray(index -> {
                if (counted) {
                    Finding finding = readMatch();
                    counts.add(finding);
                    into.add(finding);
                } else if (into.full()) {
                    into.markTruncated();
                    cursor.skip();
                } else {
                    into.add(readMatch());
                }
            });
        }

        private Finding readMatch() {
            MatchBuilder match = new MatchBuilder();
            cursor.readObject(key -> switch (key) {
                case "vulnerability" -> {
                    readVulnerability(match);
                    yield true;
                }
                case "relatedVulnerabilities" -> {
                    cursor.readArray(index -> cursor.readObject(relatedKey -> {
                        if (!relatedKey.equals("id")) {
                            return false;
                        }
                        match.addAlias(cursor.text());
                        return true;
                    }));
                    yield true;
                }
                case "matchDetails" -> {
                    cursor.readArray(index -> cursor.readObject(detailKey -> {
                        if (!detailKey.equals("fix")) {
                            return false;
                        }
                        cursor.readObject(fixKey -> {
                            if (!fixKey.equals("suggestedVersion")) {
                                return false;
                            }
                            String suggested = Texts.blankToNull(cursor.text());
                            if (match.suggestedVersion == null) {
                                match.suggestedVersion = suggested;
                            }
                            return true;
                        });
                        return true;
                    }));
                    yield true;
                }
                case "artifact" -> {
                    readArtifact(match);
                    yield true;
                }
                default -> false;
            });
            if (match.id == null) {
                throw cursor.error("a match has no vulnerability id");
            }
            return match.build();
        }

        private void readVulnerability(MatchBuilder match) {
            cursor.readObject(key -> switch (key) {
                case "id" -> {
                    match.id = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "severity" -> {
                    match.severity = cursor.text();
                    yield true;
                }
                case "description" -> {
                    match.description = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "fix" -> {
                    cursor.readObject(fixKey -> switch (fixKey) {
                        case "state" -> {
                            match.fixState = cursor.text();
                            yield true;
                        }
                        case "versions" -> {
                            match.fixVersions = cursor.texts(MAX_ALIASES);
                            yield true;
                        }
                        default -> false;
                    });
                    yield true;
                }
                default -> false;
            });
        }

        private void readArtifact(MatchBuilder match) {
            cursor.readObject(key -> switch (key) {
                case "name" -> {
                    match.packageName = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "version" -> {
                    match.version = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "purl" -> {
                    match.purl = Texts.blankToNull(cursor.text());
                    yield true;
                }
                default -> false;
            });
        }
    }

    private static final class MatchBuilder {
        @Nullable String id;
        @Nullable String severity;
        @Nullable String description;
        @Nullable String fixState;
        List<String> fixVersions = List.of();
        @Nullable String suggestedVersion;
        @Nullable String packageName;
        @Nullable String version;
        @Nullable String purl;
        final List<String> aliases = new ArrayList<>();

        void addAlias(@Nullable String alias) {
            if (alias != null && !alias.isBlank() && !aliases.contains(alias) && aliases.size() < MAX_ALIASES) {
                aliases.add(Texts.shorten(alias, 200));
            }
        }

        Finding build() {
            String fixed = null;
            if ("fixed".equals(fixState)) {
                fixed = suggestedVersion != null ? suggestedVersion : Texts.blankToNull(String.join(", ", fixVersions));
            }
            List<String> otherIds = aliases.stream().filter(alias -> !alias.equals(id)).toList();
            return new Finding(Texts.shorten(id == null ? "" : id, 200), Severity.parse(severity), Texts.shortenOrNull(packageName, 500),
                    Texts.shortenOrNull(version, 200), Texts.shortenOrNull(fixed, 200), Texts.shortenOrNull(purl, 1000),
                    Texts.shortenOrNull(description, 200), otherIds);
        }
    }
}
