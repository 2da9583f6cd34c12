package dev.greenlight.server.browser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** One headless Chromium and the Playwright driver process that talks to it; closing ends both. */
final class LaunchedChromium implements AutoCloseable {
    /**
     * The flags of docs/testing.md: no sandbox (CI runs as root), no GPU, and nothing that reaches for Google's
     * services, since the machines here have no network and Chromium would otherwise keep retrying.
     */
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");
    private static final double LAUNCH_TIMEOUT_MILLISECONDS = 60_000;

    private final Playwright playwright;
    private final Browser browser;

    private LaunchedChromium(Playwright playwright, Browser browser) {
        this.playwright = requireNonNull(playwright, "playwright is null");
        this.browser = requireNonNull(browser, "browser is null");
    }

    static LaunchedChromium launch(BrowserToolchain toolchain) {
        // The driver jar carries playwright-core's JavaScript; without driver-bundle it needs a node of our choosing,
        // and it must never try to download a browser of its own.
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                BrowserToolchain.NODE_VARIABLE, toolchain.node().toString(),
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(toolchain.chromium())
                    .setHeadless(true)
                    .setArgs(FLAGS)
                    .setTimeout(LAUNCH_TIMEOUT_MILLISECONDS));
            return new LaunchedChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw new IllegalStateException("Chromium at " + toolchain.chromium() + " did not start: " + e.getMessage(), e);
        }
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
