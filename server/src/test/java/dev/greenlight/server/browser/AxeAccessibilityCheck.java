package dev.greenlight.server.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import com.microsoft.playwright.Page;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs axe-core, taken from its WebJar, in a page. The script goes in through Playwright's evaluate, which the page's
 * Content-Security-Policy does not govern, so pages keep their strict CSP while they are checked.
 */
final class AxeAccessibilityCheck {
    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Runs every rule axe enables by default; selectors of elements inside frames or shadow roots are joined by >>>. */
    private static final String RUN_AXE = """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(results.violations.map(violation => ({
                id: violation.id,
                impact: violation.impact ?? 'unknown',
                help: violation.help,
                helpUrl: violation.helpUrl,
                targets: violation.nodes.map(node => node.target.flat(Infinity).join(' >>> '))
              })));
            }""";
    private static final String AXE_SOURCE = readAxeSource();

    private AxeAccessibilityCheck() {
    }

    /** Every violation axe finds in the page as it is now, whatever its impact. */
    static List<AccessibilityViolation> violations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE_SOURCE);
        }
        String json = (String) page.evaluate(RUN_AXE);
        return JSON.readValue(json, new TypeReference<List<AccessibilityViolation>>() {
        });
    }

    static String version() {
        try (InputStream properties = resource(WEBJAR_PROPERTIES)) {
            Properties webjar = new Properties();
            webjar.load(properties);
            return webjar.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAxeSource() {
        try (InputStream script = resource(WEBJAR + version() + "/axe.min.js")) {
            // A trailing expression, so evaluating the script yields a plain value rather than whatever it ends with.
            return new String(script.readAllBytes(), StandardCharsets.UTF_8) + "\n;undefined";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = AxeAccessibilityCheck.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is not on the class path: the org.webjars.npm:axe-core test dependency is missing");
        }
        return stream;
    }
}
