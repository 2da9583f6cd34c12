package dev.greenlight.evidence.json;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SastFacts.Level;
import dev.greenlight.evidence.facts.SastFacts.LevelCounts;
import dev.greenlight.evidence.facts.SastFacts.Result;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;

/**
 * SARIF 2.1.0 (and the 2.2 drafts, which keep its structure): the results of all runs. A result's level follows the
 * spec: a {@code kind} other than {@code fail} means level {@code none}; otherwise its own level, else its rule's
 * {@code defaultConfiguration.level}, else {@code warning}. Rules are found by {@code ruleIndex}, by
 * {@code rule.toolComponent} (CodeQL keeps rules in extensions) or by id, once the run is read, because a run may list
 * its results before its tool. A rule's {@code security-severity} property (a CVSS-like score) gives the security
 * severity. A result with an accepted suppression is kept apart; suppressions only rejected or under review leave it
 * counted. Every result is counted; the listings stop at their limit.
 */
final class SarifParser implements EvidenceParser {

    @Override
    public EvidenceType type() {
        return EvidenceType.SARIF;
    }

    @Override
    public boolean recognizes(byte[] head) {
        JsonHead json = JsonHead.of(head);
        if (json.textContains("/$schema", "sarif")) {
            return true;
        }
        String version = json.text("/version");
        return version != null && version.startsWith("2.") && json.has("/runs");
    }

    @Override
    public SastFacts parse(InputStream input, ParseLimits limits) {
        return JsonDocuments.read(type(), input, limits, cursor -> new Document(cursor).read());
    }

    static @Nullable Level parseLevel(JsonCursor cursor) {
        String level = cursor.text();
        if (level == null) {
            return null;
        }
        return switch (level) {
            case "error" -> Level.ERROR;
            case "warning" -> Level.WARNING;
            case "note" -> Level.NOTE;
            case "none" -> Level.NONE;
            default -> throw cursor.error("level \"" + Texts.shorten(level, 40) + "\" is not one of error, warning, note, none");
        };
    }

    private static final class Document {
        private final JsonCursor cursor;
        private final Set<String> tools = new LinkedHashSet<>();
        private final Listing<Result> results;
        private final Listing<Result> suppressed;
        /** Every result of the runs read so far, listed or not. */
        private final long[] byLevel = new long[Level.values().length];
        private final long[] bySecuritySeverity = new long[Severity.values().length];
        private long suppressedCount;
        private boolean hasRuns;

        Document(JsonCursor cursor) {
            this.cursor = cursor;
            this.results = new Listing<>(cursor.limits().maxListedItems());
            this.suppressed = new Listing<>(cursor.limits().maxListedItems());
        }

        SastFacts read() {
            cursor.readObject(key -> switch (key) {
                case "version" -> {
                    String version = cursor.text();
                    if (version != null && !version.startsWith("2.")) {
                        throw cursor.error("SARIF version " + Texts.shorten(version, 20) + " is not read (2.1.0 is)");
                    }
                    yield true;
                }
                case "runs" -> {
                    hasRuns = true;
                    cursor.readArray(index -> readRun());
                    yield true;
                }
                default -> false;
            });
            if (!hasRuns) {
                throw new EvidenceFormatException(EvidenceType.SARIF, "/runs", "runs is missing: not a SARIF log");
            }
            return new SastFacts(new ArrayList<>(tools), results.items(), suppressed.items(), results.truncated() || suppressed.truncated(),
                    LevelCounts.fromOrdinals(byLevel), SeverityCounts.fromOrdinals(bySecuritySeverity), suppressedCount);
        }

        private void readRun() {
            SarifRun run = new SarifRun(cursor.limits().maxListedItems());
            cursor.readObject(key -> switch (key) {
                case "tool" -> {
                    readTool(run);
                    run.toolRead();
                    yield true;
                }
                case "results" -> {
                    cursor.readArray(index -> readResult(run));
                    yield true;
                }
                default -> false;
            });
            if (run.driverName != null) {
                tools.add(run.driverName);
            }
            run.finish(results, suppressed);
            for (int i = 0; i < byLevel.length; i++) {
                byLevel[i] += run.byLevel()[i];
            }
            for (int i = 0; i < bySecuritySeverity.length; i++) {
                bySecuritySeverity[i] += run.bySecuritySeverity()[i];
            }
            suppressedCount += run.suppressedCount();
        }

        private void readTool(SarifRun run) {
            cursor.readObject(key -> switch (key) {
                case "driver" -> {
                    readToolComponent(run, run.driverRules, true);
                    yield true;
                }
                case "extensions" -> {
                    cursor.readArray(index -> readToolComponent(run, run.addExtension(), false));
                    yield true;
                }
                default -> false;
            });
        }

        private void readToolComponent(SarifRun run, List<SarifRun.Rule> rules, boolean driver) {
            cursor.readObject(key -> switch (key) {
                case "name" -> {
                    if (driver) {
                        run.driverName = Texts.shortenOrNull(Texts.blankToNull(cursor.text()), 200);
                    }
                    yield true;
                }
                case "rules" -> {
                    cursor.readArray(index -> run.addRule(rules, readRule()));
                    yield true;
                }
                default -> false;
            });
        }

        private SarifRun.Rule readRule() {
            SarifRun.Rule rule = new SarifRun.Rule();
            cursor.readObject(key -> switch (key) {
                case "id" -> {
                    rule.id = cursor.text();
                    yield true;
                }
                case "defaultConfiguration" -> {
                    cursor.readObject(configurationKey -> {
                        if (!configurationKey.equals("level")) {
                            return false;
                        }
                        rule.defaultLevel = parseLevel(cursor);
                        return true;
                    });
                    yield true;
                }
                case "properties" -> {
                    rule.securitySeverity = SarifRun.readSecuritySeverity(cursor);
                    yield true;
                }
                case "messageStrings" -> {
                    cursor.readObject(messageId -> {
                        if (rule.messageStrings.size() >= SarifRun.MAX_MESSAGE_STRINGS) {
                            return false;
                        }
                        cursor.readObject(messageKey -> {
                            if (!messageKey.equals("text")) {
                                return false;
                            }
                            String text = cursor.text();
                            if (text != null) {
                                rule.messageStrings.put(messageId, Texts.shorten(text, SarifRun.MAX_MESSAGE_LENGTH));
                            }
                            return true;
                        });
                        return true;
                    });
                    yield true;
                }
                default -> false;
            });
            return rule;
        }

        private void readResult(SarifRun run) {
            SarifRun.RawResult raw = new SarifRun.RawResult();
            cursor.readObject(key -> switch (key) {
                case "ruleId" -> {
                    raw.ruleId = cursor.text();
                    yield true;
                }
                case "ruleIndex" -> {
                    raw.ruleIndex = index(cursor.count());
                    yield true;
                }
                case "rule" -> {
                    readRuleReference(raw);
                    yield true;
                }
                case "kind" -> {
                    raw.kind = cursor.text();
                    yield true;
                }
                case "level" -> {
                    raw.level = parseLevel(cursor);
                    yield true;
                }
                case "message" -> {
                    readMessage(raw);
                    yield true;
                }
                case "locations" -> {
                    cursor.readArray(index -> {
                        if (index == 0) {
                            raw.location = readLocation();
                        } else {
                            cursor.skip();
                        }
                    });
                    yield true;
                }
                case "suppressions" -> {
                    cursor.readArray(index -> {
                        String[] status = new String[1];
                        cursor.readObject(suppressionKey -> {
                            if (!suppressionKey.equals("status")) {
                                return false;
                            }
                            status[0] = cursor.text();
                            return true;
                        });
                        raw.addSuppression(status[0]);
                    });
                    yield true;
                }
                case "properties" -> {
                    raw.securitySeverity = SarifRun.readSecuritySeverity(cursor);
                    yield true;
                }
                default -> false;
            });
            run.keep(raw, results, suppressed);
        }

        private void readRuleReference(SarifRun.RawResult raw) {
            cursor.readObject(key -> switch (key) {
                case "id" -> {
                    raw.referencedRuleId = cursor.text();
                    yield true;
                }
                case "index" -> {
                    raw.ruleIndex = index(cursor.count());
                    yield true;
                }
                case "toolComponent" -> {
                    cursor.readObject(componentKey -> {
                        if (!componentKey.equals("index")) {
                            return false;
                        }
                        raw.toolComponentIndex = index(cursor.count());
                        return true;
                    });
                    yield true;
                }
                default -> false;
            });
        }

        private void readMessage(SarifRun.RawResult raw) {
            cursor.readObject(key -> switch (key) {
                case "text" -> {
                    raw.messageText = Texts.shortenOrNull(cursor.text(), SarifRun.MAX_MESSAGE_LENGTH);
                    yield true;
                }
                case "markdown" -> {
                    raw.messageMarkdown = Texts.shortenOrNull(cursor.text(), SarifRun.MAX_MESSAGE_LENGTH);
                    yield true;
                }
                case "id" -> {
                    raw.messageId = cursor.text();
                    yield true;
                }
                case "arguments" -> {
                    raw.arguments = cursor.texts(SarifRun.MAX_ARGUMENTS).stream().map(argument -> Texts.shorten(argument, 200)).toList();
                    yield true;
                }
                default -> false;
            });
        }

        /** {@code uri:line} of a location's physical location, or the uri alone. */
        private @Nullable String readLocation() {
            String[] uriAndLine = new String[2];
            cursor.readObject(key -> {
                if (!key.equals("physicalLocation")) {
                    return false;
                }
                cursor.readObject(physicalKey -> switch (physicalKey) {
                    case "artifactLocation" -> {
                        cursor.readObject(artifactKey -> {
                            if (!artifactKey.equals("uri")) {
                                return false;
                            }
                            uriAndLine[0] = Texts.blankToNull(cursor.text());
                            return true;
                        });
                        yield true;
                    }
                    case "region" -> {
                        cursor.readObject(regionKey -> {
                            if (!regionKey.equals("startLine")) {
                                return false;
                            }
                            Long line = cursor.count();
                            uriAndLine[1] = line == null ? null : line.toString();
                            return true;
                        });
                        yield true;
                    }
                    default -> false;
                });
                return true;
            });
            if (uriAndLine[0] == null) {
                return null;
            }
            String uri = Texts.shorten(uriAndLine[0], 1000);
            return uriAndLine[1] == null ? uri : uri + ":" + uriAndLine[1];
        }

        private static @Nullable Integer index(@Nullable Long value) {
            return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
        }
    }
}
