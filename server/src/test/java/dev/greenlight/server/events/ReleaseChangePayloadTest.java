package dev.greenlight.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The NOTIFY payload: compact, far below PostgreSQL's limit, read back exactly, and anything else is dropped. */
class ReleaseChangePayloadTest {
    private static final UUID WORKSPACE = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    @ParameterizedTest
    @EnumSource(ReleaseChanged.Kind.class)
    void everyKindIsReadBackAsItWasWritten(ReleaseChanged.Kind kind) {
        ReleaseChanged change = new ReleaseChanged(WORKSPACE, "shop", "1.4.0+build.7", "prod", kind);

        assertThat(ReleaseChangePayload.decode(ReleaseChangePayload.encode(change))).contains(change);
    }

    @Test
    void evidenceConcernsEveryEnvironment() {
        ReleaseChanged change = new ReleaseChanged(WORKSPACE, "shop", "1.4.0", null, ReleaseChanged.Kind.EVIDENCE);

        String payload = ReleaseChangePayload.encode(change);

        assertThat(payload).isEqualTo("{\"workspace\":\"" + WORKSPACE + "\",\"project\":\"shop\",\"version\":\"1.4.0\","
                + "\"environment\":null,\"kind\":\"evidence\"}");
        assertThat(ReleaseChangePayload.decode(payload)).contains(change);
    }

    @Test
    void theLongestSlugsAndVersionStayFarBelowTheLimit() {
        // Slugs are at most 63 characters and versions at most 128 (see Slugs and the release API).
        ReleaseChanged longest = new ReleaseChanged(WORKSPACE, "p".repeat(63), "v".repeat(128), "e".repeat(63), ReleaseChanged.Kind.PROMOTIONS);

        int bytes = ReleaseChangePayload.encode(longest).getBytes(StandardCharsets.UTF_8).length;

        assertThat(bytes).isLessThan(400).isLessThan(ReleaseChangePayload.MAX_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "null",
            "{}",
            "{\"workspace\":\"not-a-uuid\",\"project\":\"shop\",\"version\":\"1\",\"kind\":\"evidence\"}",
            "{\"workspace\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"project\":\"shop\",\"version\":\"1\",\"kind\":\"deployments\"}",
            "{\"workspace\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"project\":\"\",\"version\":\"1\",\"kind\":\"evidence\"}",
            "{\"workspace\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"project\":7,\"version\":\"1\",\"kind\":\"evidence\"}",
            "{\"workspace\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"project\":\"shop\",\"kind\":\"evidence\"}",
            "{\"workspace\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"project\":\"shop\",\"version\":\"1\",\"environment\":3,\"kind\":\"evidence\"}"})
    void payloadThatIsNotAReleaseChangeIsDropped(String payload) {
        assertThat(ReleaseChangePayload.decode(payload)).isEmpty();
    }

    @Test
    void overlongValuesAreDropped() {
        String payload = "{\"workspace\":\"" + WORKSPACE + "\",\"project\":\"" + "p".repeat(201) + "\",\"version\":\"1\",\"kind\":\"evidence\"}";

        assertThat(ReleaseChangePayload.decode(payload)).isEmpty();
    }

    @Test
    void fieldsANewerNodeAddsAreIgnored() {
        String payload = "{\"workspace\":\"" + WORKSPACE + "\",\"project\":\"shop\",\"version\":\"1\",\"environment\":\"prod\","
                + "\"kind\":\"waivers\",\"actor\":\"alice\"}";

        assertThat(ReleaseChangePayload.decode(payload))
                .contains(new ReleaseChanged(WORKSPACE, "shop", "1", "prod", ReleaseChanged.Kind.WAIVERS));
    }

    @Test
    void backoffGrowsToItsCeilingWithJitter() {
        assertThat(ReleaseChangeFeed.backoff(0)).isBetween(ReleaseChangeFeed.FIRST_RETRY.dividedBy(2), ReleaseChangeFeed.FIRST_RETRY);
        assertThat(ReleaseChangeFeed.backoff(3)).isBetween(ReleaseChangeFeed.FIRST_RETRY.multipliedBy(4), ReleaseChangeFeed.FIRST_RETRY.multipliedBy(8));
        assertThat(ReleaseChangeFeed.backoff(1_000)).isBetween(ReleaseChangeFeed.LONGEST_RETRY.dividedBy(2), ReleaseChangeFeed.LONGEST_RETRY);
    }
}
