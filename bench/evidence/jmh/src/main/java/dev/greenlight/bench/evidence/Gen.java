package dev.greenlight.bench.evidence;

import java.util.SplittableRandom;

/**
 * Deterministic pseudo-random material for the generated reports: the same seed gives the same bytes in every JVM,
 * so a format's parser and its baseline (each in its own forked JVM) read identical input.
 */
final class Gen {
    private static final String[] WORDS = {
        "order", "invoice", "payment", "customer", "ledger", "account", "report", "token", "session", "cache", "client",
        "gateway", "policy", "release", "artifact", "evidence", "checkpoint", "schedule", "export", "import", "metric",
        "tenant", "audit", "inventory", "shipment", "catalog", "pricing", "discount", "refund", "webhook", "queue",
        "stream", "buffer", "parser", "render", "template", "config", "storage", "bucket", "index", "search", "filter",
        "mapper", "handler", "registry", "resolver", "builder", "factory", "adapter", "channel", "signal", "bridge",
    };
    private static final String[] LICENSES = {
        "MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "BSD-2-Clause", "MPL-2.0", "EPL-2.0", "LGPL-2.1-only", "GPL-2.0-only",
        "0BSD", "Unlicense", "CC0-1.0", "EPL-1.0", "Python-2.0", "Zlib",
    };
    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "MEDIUM", "HIGH", "HIGH", "CRITICAL", "UNKNOWN"};

    private final SplittableRandom random;

    Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int between(int low, int highInclusive) {
        return random.nextInt(low, highInclusive + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double fraction() {
        return random.nextDouble();
    }

    String pick(String... items) {
        return items[random.nextInt(items.length)];
    }

    String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    String license() {
        // Skewed towards the common ones, as real dependency trees are.
        int index = random.nextInt(LICENSES.length * 3);
        return LICENSES[index < LICENSES.length * 2 ? index % 3 : index - LICENSES.length * 2];
    }

    /** LOW ... CRITICAL (upper case, as Trivy and Grype write them). */
    String severity() {
        return pick(SEVERITIES);
    }

    double score(String severity) {
        double base = switch (severity) {
            case "CRITICAL" -> 9.0;
            case "HIGH" -> 7.0;
            case "MEDIUM" -> 4.0;
            case "LOW" -> 0.1;
            default -> 0.0;
        };
        return Math.round((base + random.nextDouble() * 0.9) * 10) / 10.0;
    }

    String camel(int words) {
        StringBuilder name = new StringBuilder(word());
        for (int i = 1; i < words; i++) {
            name.append(capitalized(word()));
        }
        return name.toString();
    }

    String pascal(int words) {
        return capitalized(camel(words));
    }

    /** A sentence of {@code words} words, capitalised, ending in a period. */
    String sentence(int words) {
        StringBuilder text = new StringBuilder(capitalized(word()));
        for (int i = 1; i < words; i++) {
            text.append(' ').append(word());
        }
        return text.append('.').toString();
    }

    String paragraph(int sentences) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append(i == 0 ? "" : " ").append(sentence(between(6, 16)));
        }
        return text.toString();
    }

    String hex(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    String version() {
        return between(0, 12) + "." + between(0, 30) + "." + between(0, 20);
    }

    String cve() {
        return "CVE-" + between(2015, 2025) + "-" + between(1000, 49999);
    }

    String ghsa() {
        return "GHSA-" + alnum(4) + "-" + alnum(4) + "-" + alnum(4);
    }

    private String alnum(int length) {
        String alphabet = "23456789cfghjmpqrvwx";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A Java stack trace of a few dozen frames, as JUnit reports carry them. */
    String stackTrace(String exception, String message, String className) {
        StringBuilder trace = new StringBuilder(2048).append(exception).append(": ").append(message).append('\n');
        trace.append("\tat ").append(className).append('.').append(camel(2)).append('(')
                .append(className.substring(className.lastIndexOf('.') + 1)).append(".java:").append(between(20, 400)).append(")\n");
        int frames = between(12, 40);
        for (int i = 0; i < frames; i++) {
            String owner = pick("org.junit.platform.engine.support.hierarchical.NodeTestTask",
                    "org.junit.jupiter.engine.execution.InvocationInterceptorChain",
                    "java.base/jdk.internal.reflect.DirectMethodHandleAccessor", "java.base/java.lang.reflect.Method",
                    "org.apache.maven.surefire.junitplatform.JUnitPlatformProvider", "org.example." + word() + "." + pascal(2));
            trace.append("\tat ").append(owner).append('.').append(i % 7 == 0 ? "<init>" : camel(2)).append('(')
                    .append(owner.substring(owner.lastIndexOf('.') + 1)).append(".java:").append(between(20, 900)).append(")\n");
        }
        return trace.append("\t... ").append(between(10, 80)).append(" more\n").toString();
    }

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Text escaped for an XML attribute or element. */
    static String xml(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
