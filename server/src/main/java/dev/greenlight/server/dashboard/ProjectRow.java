package dev.greenlight.server.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One project on the projects page: its latest release, if any, and that release's state in each environment. */
record ProjectRow(String slug, String name, String description, @Nullable String latestVersion, List<EnvironmentStatus> environments) {

    record EnvironmentStatus(String environment, BadgeState state) {
        public String label() {
            return state.label();
        }

        public String symbol() {
            return state.symbol();
        }

        public String cssClass() {
            return state.cssClass();
        }
    }
}
