package dev.greenlight.cli.promotions;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Promotions and rollbacks shaped as the server's views, for the fake server and the followers. */
final class PromotionJson {
    static final String ID = "01890a5d-ac96-774b-bcce-b302099a8057";
    static final String ROLLBACK_ID = "01890a5e-0b1c-7f3a-9d2e-6c1b7a0e4f11";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PromotionJson() {
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** A canary of 2.0.0 of payments into prod with steps 1, 5, 25, 100. */
    static String canary(String state, int step, int percent, @Nullable String analysis, @Nullable String finishedAt) {
        return """
                {"id":"%s","project":"payments","release":"2.0.0","environment":"prod","strategy":"canary","steps":[1,5,25,100],
                 "stepInterval":"PT5M","analysis":{"interval":"PT30S","window":"PT5M","maxWait":"PT15M","maxErrorRateIncrease":0.5,
                 "maxLatencyIncrease":0.5,"maxErrorRate":0.05,"minRequests":100},"state":"%s",
                 "step":{"number":%d,"percent":%d,"startedAt":"2025-06-01T12:00:00Z"},"baseline":"1.0.0","decision":null,
                 "freezeOverride":null,"lastAnalysis":%s,"requestedBy":"carol","createdAt":"2025-06-01T11:59:00Z",
                 "updatedAt":"2025-06-01T12:00:00Z","finishedAt":%s,"transitions":null}"""
                .formatted(ID, state, step, percent,
                        analysis == null ? "null" : "{\"outcome\":\"" + analysis + "\",\"reasons\":[\"error rate 0.40 above 0.05\"]}",
                        finishedAt == null ? "null" : "\"" + finishedAt + "\"");
    }

    /** A direct promotion of 1.0.0 of payments into prod, with its transitions when {@code transitions} is true. */
    static String direct(String state, boolean transitions) {
        String list = !transitions ? "null" : """
                [{"seq":1,"from":null,"to":"awaiting-approvals","step":1,"actor":"carol","reason":"requested by carol","detail":{},
                  "at":"2025-06-01T12:00:00Z","ledgerIndex":41},
                 {"seq":2,"from":"awaiting-approvals","to":"deploying","step":1,"actor":"system","reason":"the gate is ready",
                  "detail":{},"at":"2025-06-01T12:00:01Z","ledgerIndex":42},
                 {"seq":3,"from":"deploying","to":"promoted","step":1,"actor":"deployer-bot","reason":"step 1 deployed:\\n argo sync 42",
                  "detail":{},"at":"2025-06-01T12:00:05Z","ledgerIndex":43}]""";
        return """
                {"id":"%s","project":"payments","release":"1.0.0","environment":"prod","strategy":"direct","steps":[100],
                 "stepInterval":"PT5M","analysis":{"interval":"PT30S","window":"PT5M","maxWait":"PT15M","maxErrorRateIncrease":0.5,
                 "maxLatencyIncrease":0.5,"maxErrorRate":0.05,"minRequests":100},"state":"%s",
                 "step":{"number":1,"percent":100,"startedAt":null},"baseline":null,"decision":"01890a5d-0000-7000-8000-000000000001",
                 "freezeOverride":null,"lastAnalysis":null,"requestedBy":"carol","createdAt":"2025-06-01T12:00:00Z",
                 "updatedAt":"2025-06-01T12:00:05Z","finishedAt":%s,"transitions":%s}"""
                .formatted(ID, state, state.equals("promoted") || state.equals("rolled-back") ? "\"2025-06-01T12:00:05Z\"" : "null", list);
    }

    static String rollback(String state, @Nullable String failure) {
        return """
                {"id":"%s","project":"payments","environment":"prod","from":"2.0.0","to":"1.0.0","promotion":null,"automatic":false,
                 "reason":"checkout errors","state":"%s","requestedBy":"carol","requestedAt":"2025-06-02T09:00:00Z",
                 "completedAt":%s,"failure":%s}"""
                .formatted(ROLLBACK_ID, state, state.equals("requested") ? "null" : "\"2025-06-02T09:00:07Z\"",
                        failure == null ? "null" : "\"" + failure + "\"");
    }

    static String releases(String current, @Nullable String rollbackInFlight) {
        return """
                {"environment":"prod","current":"%s","previous":"1.0.0","lastGood":{"release":"1.0.0","promotion":null,"decision":null},
                 "promotionInFlight":null,"rollbackInFlight":%s,"updatedAt":"2025-06-02T09:00:00Z"}"""
                .formatted(current, rollbackInFlight == null ? "null" : rollbackInFlight);
    }

    static String page(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"nextCursor\":null}";
    }
}
