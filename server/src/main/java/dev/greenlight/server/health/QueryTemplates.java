package dev.greenlight.server.health;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The PromQL a Prometheus source runs for one version over one window: requests served, requests failed, and the
 * 95th percentile latency in seconds (optional). Each is a template with {@code {{version}}} and {@code {{window}}}
 * placeholders.
 */
record QueryTemplates(String requests, String errors, @Nullable String latencyP95) {
    static final String VERSION = "{{version}}";
    static final String WINDOW = "{{window}}";
    static final int MAX_LENGTH = 2048;

    static final String DEFAULT_REQUESTS = "sum(increase(http_requests_total{version=\"{{version}}\"}[{{window}}]))";
    static final String DEFAULT_ERRORS = "sum(increase(http_requests_total{version=\"{{version}}\",status=~\"5..\"}[{{window}}]))";
    static final String DEFAULT_LATENCY_P95 =
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{version=\"{{version}}\"}[{{window}}])))";
    static final QueryTemplates DEFAULTS = new QueryTemplates(DEFAULT_REQUESTS, DEFAULT_ERRORS, DEFAULT_LATENCY_P95);

    /**
     * The release version rule of the releases feature ({@code ReleaseController.VERSION}, which is not public):
     * letters, digits, {@code . _ + -}. A version outside it is refused before it comes near a query, so it cannot
     * close the string it is put in.
     */
    static final String RELEASE_VERSION_RULE = "[0-9A-Za-z][0-9A-Za-z._+-]{0,127}";
    static final String RELEASE_VERSION_MESSAGE = "must be 1-128 characters: letters, digits, '.', '_', '+' or '-', starting with a letter or digit";
    private static final Pattern RELEASE_VERSION = Pattern.compile(RELEASE_VERSION_RULE);

    QueryTemplates {
        requireNonNull(requests, "requests is null");
        requireNonNull(errors, "errors is null");
    }

    /** Why a template cannot be used, or null when it can. */
    static @Nullable String problemWith(@Nullable String template) {
        if (template == null || template.isBlank()) {
            return "must be a non-blank PromQL template";
        }
        if (template.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (!template.contains(VERSION)) {
            return "must contain " + VERSION + ", or every version would get the same numbers";
        }
        if (template.chars().anyMatch(character -> Character.isISOControl(character) && character != '\n' && character != '\t')) {
            return "must not contain control characters other than line breaks and tabs";
        }
        return null;
    }

    static boolean isReleaseVersion(String version) {
        return RELEASE_VERSION.matcher(version).matches();
    }

    /**
     * The template with the version as the body of a PromQL double-quoted string and the window as a duration in
     * whole seconds (at least one: PromQL has no empty range).
     */
    static String render(String template, String version, Duration window) {
        if (!isReleaseVersion(version)) {
            throw new IllegalArgumentException("not a release version: " + version);
        }
        long seconds = Math.max(1, window.toSeconds());
        return template.replace(VERSION, escaped(version)).replace(WINDOW, seconds + "s");
    }

    /**
     * Escapes for a PromQL double-quoted string. The release version rule already leaves nothing to escape; this
     * keeps the query safe should that rule ever widen.
     */
    static String escaped(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char character : value.toCharArray()) {
            switch (character) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }
}
