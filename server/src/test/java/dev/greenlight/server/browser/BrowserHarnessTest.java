package dev.greenlight.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

/** The harness's own checks catch what they are there to catch; a check that cannot fail proves nothing. */
class BrowserHarnessTest extends BrowserTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void accessibilityCheckFailsListingSeriousAndCriticalViolationsWithTheirElements() {
        page.setContent("<html><head><title>broken</title></head><body><main><img id=\"chart\" src=\"data:,\"></main></body></html>");

        assertThatThrownBy(() -> assertAccessible(page))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("html-has-lang (serious)")
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("#chart");
    }

    @Test
    void accessibilityViolationsAreReportedWithTheirImpact() {
        page.setContent("<html lang=\"en\"><head><title>fine but for a heading</title></head>"
                + "<body><main><h3>Skipped two levels</h3><p>text</p></main></body></html>");

        List<AccessibilityViolation> violations = accessibilityViolations(page);

        assertThat(violations).extracting(AccessibilityViolation::id).contains("page-has-heading-one");
        assertThat(violations).allMatch(violation -> !violation.blocksSomeone(), "only minor or moderate");
        assertAccessible(page);
    }

    @Test
    void inlineScriptThatTheCspBlocksIsRecordedAsAViolation() {
        page.navigate("/login");

        page.waitForConsoleMessage(new Page.WaitForConsoleMessageOptions()
                        .setPredicate(message -> message.text().contains("Content Security Policy")),
                () -> page.evaluate("() => { const script = document.createElement('script');"
                        + " script.textContent = 'window.injected = true'; document.head.append(script); }"));

        assertThat(page.evaluate("() => window.injected === true")).as("the inline script did not run").isEqualTo(false);
        assertThat(takeCspViolations()).singleElement().asString().contains("inline script");
        assertThat(cspViolations()).as("taken, so this test does not fail after it").isEmpty();
    }

    @Test
    void screenshotIsAFullPagePngUnderTargetScreenshotsOfTheTestClass() throws IOException {
        page.navigate("/login");

        Path file = screenshot(page, "sign-in");

        assertThat(file).endsWith(Path.of("target", "screenshots", "BrowserHarnessTest", "sign-in.png"));
        try (InputStream png = Files.newInputStream(file)) {
            assertThat(png.readNBytes(PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        }
        assertThatThrownBy(() -> screenshot(page, "../escape")).isInstanceOf(IllegalArgumentException.class);
    }
}
