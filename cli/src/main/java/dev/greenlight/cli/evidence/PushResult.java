package dev.greenlight.cli.evidence;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.client.ApiProblem;
import dev.greenlight.evidence.EvidenceType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What became of one file argument.
 *
 * @param file the file or pattern, as shown
 * @param detected the type the CLI recognised before sending, if it did
 * @param declared the type named with {@code --type}, if any
 * @param evidence the server's evidence, for {@link Outcome#ADDED} and {@link Outcome#EXISTING}
 * @param problem the server's refusal, for {@link Outcome#REJECTED}
 * @param reason why nothing was sent, for {@link Outcome#MISSING} and {@link Outcome#SKIPPED}
 */
record PushResult(
        String file,
        Outcome outcome,
        @Nullable EvidenceType detected,
        @Nullable EvidenceType declared,
        @Nullable JsonNode evidence,
        @Nullable ApiProblem problem,
        @Nullable String reason) {

    PushResult {
        requireNonNull(file, "file is null");
        requireNonNull(outcome, "outcome is null");
        if (outcome.accepted() != (evidence != null) || (outcome == Outcome.REJECTED) != (problem != null)) {
            throw new IllegalArgumentException("evidence comes with an accepted file, a problem with a rejected one");
        }
    }

    static PushResult accepted(String file, boolean added, @Nullable EvidenceType detected, @Nullable EvidenceType declared,
            JsonNode evidence) {
        return new PushResult(file, added ? Outcome.ADDED : Outcome.EXISTING, detected, declared, evidence, null, null);
    }

    static PushResult rejected(String file, @Nullable EvidenceType detected, @Nullable EvidenceType declared, ApiProblem problem) {
        return new PushResult(file, Outcome.REJECTED, detected, declared, null, problem, null);
    }

    static PushResult notSent(String file, Outcome outcome, String reason) {
        return new PushResult(file, outcome, null, null, null, null, requireNonNull(reason, "reason is null"));
    }

    /**
     * The type to show: the server's for a file it took, else the one named or recognised, else
     * the format a malformed file was read as, else null.
     */
    @Nullable String type() {
        if (evidence != null && evidence.path("type").isString()) {
            return evidence.path("type").stringValue();
        }
        if (declared != null) {
            return declared.wireName();
        }
        if (detected != null) {
            return detected.wireName();
        }
        return problem == null ? null : problem.extensions().get("format");
    }

    /** The result for {@code -o json}: the file, the outcome, and the server's evidence or problem as it sent them. */
    JsonNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("file", file)
                .put("result", outcome.word());
        if (outcome != Outcome.MISSING && outcome != Outcome.SKIPPED) {
            json.put("detectedType", detected == null ? null : detected.wireName());
        }
        if (evidence != null) {
            json.set("evidence", evidence);
        }
        if (problem != null) {
            json.set("problem", problemJson(problem));
        }
        if (reason != null) {
            json.put("reason", reason);
        }
        return json;
    }

    private static ObjectNode problemJson(ApiProblem problem) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", problem.type()).put("title", problem.title()).put("status", problem.status()).put("detail", problem.detail());
        problem.extensions().forEach(json::put);
        if (problem.traceId() != null) {
            json.put("traceId", problem.traceId());
        }
        return json;
    }
}
