package dev.greenlight.server.promotions;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.releases.Release;

/**
 * What Greenlight asks a CD system to do: deploy a step of a promotion, restore an earlier release (a rollback), or
 * abort a first deployment that failed. {@code idempotencyKey} is the same on every retry of one action.
 */
record DeploymentRequest(String action, String idempotencyKey, String project, String environment, @Nullable String promotion,
        @Nullable String rollback, @Nullable Release release, @Nullable Step step, @Nullable String reason) {
    static final String DEPLOY = "deploy";
    static final String ROLLBACK = "rollback";
    static final String ABORT = "abort";

    DeploymentRequest {
        requireNonNull(action, "action is null");
        requireNonNull(idempotencyKey, "idempotencyKey is null");
    }

    /** One step of a canary: the {@code index}-th of {@code of}, sending {@code percent} % of traffic to the release. */
    record Step(int index, int percent, int of) {
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", action);
        json.put("idempotencyKey", idempotencyKey);
        json.put("project", project);
        json.put("environment", environment);
        json.put("promotion", promotion);
        json.put("rollback", rollback);
        if (release != null) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("version", release.version());
            described.put("commitSha", release.commitSha());
            described.put("artifacts", release.artifacts().stream().map(artifact -> Map.of("name", artifact.name(), "sha256", artifact.sha256())).toList());
            described.put("artifactsDigest", release.artifactsDigest());
            json.put("release", described);
        } else {
            json.put("release", null);
        }
        json.put("step", step == null ? null : Map.of("index", step.index(), "percent", step.percent(), "of", step.of()));
        json.put("reason", reason);
        return json;
    }

    static List<String> actions() {
        return List.of(DEPLOY, ROLLBACK, ABORT);
    }
}
