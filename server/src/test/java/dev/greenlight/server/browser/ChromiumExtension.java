package dev.greenlight.server.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.microsoft.playwright.Browser;

/**
 * Starts one Chromium per test class (a start costs about a second; a fresh context per test keeps tests apart) and
 * hands it to methods that ask for a {@link Browser}; closes it after the class, whatever happened. When the machine
 * lacks what the browser needs, each test is skipped or failed on its own (see {@link MissingToolchain}), because
 * Surefire counts a class-level skip as no test at all and drops its reason.
 */
final class ChromiumExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChromiumExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        BrowserToolchain.Lookup lookup = BrowserToolchain.lookUp(System.getenv());
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(BrowserToolchain.Lookup.class, lookup);
        lookup.toolchain().ifPresent(toolchain -> store.put(LaunchedChromium.class, LaunchedChromium.launch(toolchain)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        BrowserToolchain.Lookup lookup = context.getStore(NAMESPACE).get(BrowserToolchain.Lookup.class, BrowserToolchain.Lookup.class);
        if (lookup != null && lookup.toolchain().isEmpty()) {
            MissingToolchain.skipOrFail(lookup.missing(), System.getenv());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Removed rather than left for the store to close, so it is closed exactly once, here.
        LaunchedChromium chromium = context.getStore(NAMESPACE).remove(LaunchedChromium.class, LaunchedChromium.class);
        if (chromium != null) {
            chromium.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LaunchedChromium chromium = context.getStore(NAMESPACE).get(LaunchedChromium.class, LaunchedChromium.class);
        if (chromium == null) {
            throw new IllegalStateException("no Chromium was started for " + context.getRequiredTestClass().getName());
        }
        return chromium.browser();
    }
}
