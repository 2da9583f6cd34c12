package dev.greenlight.server.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;

/**
 * What went wrong inside the pages of one browser context without failing an action: resources or scripts the
 * Content-Security-Policy refused (Chromium reports those on the console) and scripts that threw. A page that
 * "works" while the CSP blocks part of it, or while a script dies, is still broken.
 */
final class PageProblems {
    private final List<String> cspViolations = new ArrayList<>();
    private final List<String> scriptErrors = new ArrayList<>();

    private PageProblems() {
    }

    /** Starts recording for every page the context opens from now on. */
    static PageProblems recordedFrom(BrowserContext context) {
        PageProblems problems = new PageProblems();
        context.onConsoleMessage(problems::onConsoleMessage);
        context.onWebError(error -> problems.scriptErrors.add(error.error()));
        return problems;
    }

    private void onConsoleMessage(ConsoleMessage message) {
        if (message.text().contains("Content Security Policy")) {
            cspViolations.add(message.text() + (message.location() == null ? "" : " (" + message.location() + ")"));
        }
    }

    List<String> cspViolations() {
        return List.copyOf(cspViolations);
    }

    /** The CSP violations recorded so far, forgotten once returned: for a test that provokes one on purpose. */
    List<String> takeCspViolations() {
        List<String> taken = List.copyOf(cspViolations);
        cspViolations.clear();
        return taken;
    }

    List<String> scriptErrors() {
        return List.copyOf(scriptErrors);
    }

    /** Throws listing everything recorded, if anything was. */
    void assertNone() {
        if (cspViolations.isEmpty() && scriptErrors.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("the pages of this test had problems that no action failed on:");
        cspViolations.forEach(violation -> report.append("\n  - CSP violation: ").append(violation));
        scriptErrors.forEach(error -> report.append("\n  - uncaught script error: ").append(error));
        throw new AssertionError(report.toString());
    }
}
