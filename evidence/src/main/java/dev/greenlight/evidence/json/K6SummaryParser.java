package dev.greenlight.evidence.json;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonToken;

import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.PerformanceFacts;
import dev.greenlight.evidence.facts.PerformanceFacts.Threshold;

/**
 * k6 end-of-test summaries, both shapes. {@code --summary-export} writes each metric's statistics at the top level of
 * the metric and its thresholds as {@code "expression": true} where <em>true means the threshold failed</em>;
 * {@code handleSummary} data puts them under {@code values} and writes thresholds as {@code {"ok": true}}. Latency
 * comes from {@code http_req_duration} (or its {@code expected_response:true} sub-metric when that is all there is),
 * the error rate from {@code http_req_failed}, requests from {@code http_reqs}, and checks from the {@code checks}
 * metric, else from the checks of the root group and its groups. Times are milliseconds, as k6 writes them.
 */
final class K6SummaryParser implements EvidenceParser {
    private static final String DURATION = "http_req_duration";
    private static final String EXPECTED_DURATION = "http_req_duration{expected_response:true}";
    private static final String FAILED = "http_req_failed";
    private static final String REQUESTS = "http_reqs";
    private static final String CHECKS = "checks";
    private static final Set<String> KEPT_METRICS = Set.of(DURATION, EXPECTED_DURATION, FAILED, REQUESTS, CHECKS);

    @Override
    public EvidenceType type() {
        return EvidenceType.K6;
    }

    @Override
    public boolean recognizes(byte[] head) {
        JsonHead json = JsonHead.of(head);
        if (json.isObject("/metrics")) {
            return json.has("/root_group") || json.has("/metrics/" + DURATION) || json.has("/metrics/" + REQUESTS)
                    || json.has("/metrics/iterations") || json.has("/metrics/vus") || json.has("/metrics/" + CHECKS);
        }
        // The root group comes first in --summary-export files; a test with many groups may push the metrics out of the head.
        return json.isObject("/root_group") && (json.has("/root_group/checks") || json.has("/root_group/groups"))
                && json.has("/root_group/path");
    }

    @Override
    public PerformanceFacts parse(InputStream input, ParseLimits limits) {
        return JsonDocuments.read(type(), input, limits, cursor -> new Document(cursor).read());
    }

    private static final class Document {
        private final JsonCursor cursor;
        private final Map<String, Map<String, Double>> statistics = new HashMap<>();
        private final Listing<Threshold> thresholds;
        private boolean hasMetrics;
        private long groupChecksPassed;
        private long groupChecksFailed;

        Document(JsonCursor cursor) {
            this.cursor = cursor;
            this.thresholds = new Listing<>(cursor.limits().maxListedItems());
        }

        PerformanceFacts read() {
            cursor.readObject(key -> switch (key) {
                case "metrics" -> {
                    hasMetrics = true;
                    cursor.readObject(metric -> {
                        readMetric(metric);
                        return true;
                    });
                    yield true;
                }
                case "root_group" -> {
                    readGroup();
                    yield true;
                }
                default -> false;
            });
            if (!hasMetrics) {
                throw cursor.error("metrics is missing: not a k6 summary");
            }
            if (thresholds.truncated()) {
                throw new EvidenceLimitException("The k6 summary has more than " + cursor.limits().maxListedItems() + " thresholds.");
            }
            Map<String, Double> duration = statistics.getOrDefault(DURATION, statistics.getOrDefault(EXPECTED_DURATION, Map.of()));
            Map<String, Double> failed = statistics.getOrDefault(FAILED, Map.of());
            Map<String, Double> requests = statistics.getOrDefault(REQUESTS, Map.of());
            Map<String, Double> checks = statistics.get(CHECKS);
            long checksPassed = checks == null ? groupChecksPassed : whole(checks.get("passes"));
            long checksFailed = checks == null ? groupChecksFailed : whole(checks.get("fails"));
            Double requestCount = requests.get("count");
            return new PerformanceFacts(duration.get("p(90)"), duration.get("p(95)"), duration.get("p(99)"), duration.get("avg"),
                    duration.get("med"), duration.get("max"), errorRate(failed), requests.get("rate"),
                    requestCount == null ? null : whole(requestCount), checksPassed, checksFailed, thresholds.items());
        }

        /** A metric: statistics at its top level (--summary-export) or under {@code values} (handleSummary), and thresholds. */
        private void readMetric(String metric) {
            Map<String, Double> values = KEPT_METRICS.contains(metric) ? statistics.computeIfAbsent(metric, name -> new HashMap<>()) : null;
            cursor.readObject(key -> switch (key) {
                case "values" -> {
                    cursor.readObject(statistic -> {
                        Double value = cursor.number();
                        if (values != null && value != null) {
                            values.put(statistic, value);
                        }
                        return true;
                    });
                    yield true;
                }
                case "thresholds" -> {
                    cursor.readObject(expression -> {
                        readThreshold(metric, expression);
                        return true;
                    });
                    yield true;
                }
                case "type", "contains" -> false;
                default -> {
                    if (cursor.token() != JsonToken.VALUE_NUMBER_INT && cursor.token() != JsonToken.VALUE_NUMBER_FLOAT) {
                        yield false;
                    }
                    Double value = cursor.number();
                    if (values != null && value != null) {
                        values.put(key, value);
                    }
                    yield true;
                }
            });
        }

        /** {@code true} in --summary-export means the threshold was crossed; {@code {"ok": true}} in handleSummary means it held. */
        private void readThreshold(String metric, String expression) {
            Boolean passed;
            if (cursor.isObject()) {
                Boolean[] ok = new Boolean[1];
                cursor.readObject(key -> {
                    if (!key.equals("ok")) {
                        return false;
                    }
                    ok[0] = cursor.bool();
                    return true;
                });
                if (ok[0] == null) {
                    throw cursor.error("the threshold has no \"ok\"");
                }
                passed = ok[0];
            } else {
                Boolean crossed = cursor.bool();
                if (crossed == null) {
                    throw cursor.error("the threshold has no result");
                }
                passed = !crossed;
            }
            thresholds.add(new Threshold(Texts.shorten(metric, 200), Texts.shorten(expression, 200), passed));
        }

        /** A group's checks and those of its groups; both are maps by name in --summary-export and arrays in handleSummary. */
        private void readGroup() {
            cursor.readObject(key -> switch (key) {
                case "checks" -> {
                    JsonCursor.ElementReader check = index -> readCheck();
                    if (cursor.isArray()) {
                        cursor.readArray(check);
                    } else {
                        cursor.readObject(name -> {
                            readCheck();
                            return true;
                        });
                    }
                    yield true;
                }
                case "groups" -> {
                    if (cursor.isArray()) {
                        cursor.readArray(index -> readGroup());
                    } else {
                        cursor.readObject(name -> {
                            readGroup();
                            return true;
                        });
                    }
                    yield true;
                }
                default -> false;
            });
        }

        private void readCheck() {
            cursor.readObject(key -> switch (key) {
                case "passes" -> {
                    groupChecksPassed = saturatedSum(groupChecksPassed, cursor.count());
                    yield true;
                }
                case "fails" -> {
                    groupChecksFailed = saturatedSum(groupChecksFailed, cursor.count());
                    yield true;
                }
                default -> false;
            });
        }

        /** The rate of failed requests: handleSummary's {@code rate}, --summary-export's {@code value}, else counted. */
        private static @Nullable Double errorRate(Map<String, Double> failed) {
            Double rate = failed.getOrDefault("rate", failed.get("value"));
            if (rate != null) {
                return rate;
            }
            // In a rate metric "passes" counts the true values: for http_req_failed, the failed requests.
            Double failedRequests = failed.get("passes");
            Double others = failed.get("fails");
            if (failedRequests == null || others == null || failedRequests + others == 0) {
                return null;
            }
            return failedRequests / (failedRequests + others);
        }

        private long whole(@Nullable Double value) {
            if (value == null) {
                return 0;
            }
            if (value < 0 || value != Math.rint(value)) {
                throw cursor.error("a count is not a whole non-negative number: " + value);
            }
            return value.longValue();
        }

        private static long saturatedSum(long sum, @Nullable Long value) {
            long added = sum + (value == null ? 0 : value);
            return added < sum ? Long.MAX_VALUE : added;
        }
    }
}
