package dev.greenlight.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.ledger.checkpoint.SignedCheckpoint;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Rotation: add a key, both sign during the overlap, retire the old one; old checkpoints keep verifying. */
class LedgerKeyRotationTest extends IntegrationTest {

    @Test
    void rotationOverlapsThenRetiresWhileOldCheckpointsStillVerify() {
        fixtures.project();
        String before = signNow();
        JsonNode oldKey = activeKeys().get(0);

        HttpResult added = admin().post("/api/v1/ledger/keys", Map.of());
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        String newKeyId = added.json().get("id").asString();
        String overlap = signNow();
        assertThat(SignedCheckpoint.open(bytes(overlap), only(oldKey.get("verifierKey").asString())).note().verifiedSignatures()).isNotEmpty();
        assertThat(SignedCheckpoint.open(bytes(overlap), only(added.json().get("verifierKey").asString())).note().verifiedSignatures()).isNotEmpty();

        HttpResult retired = admin().post("/api/v1/ledger/keys/" + oldKey.get("id").asString() + "/retire", Map.of());
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("active").asBoolean()).isFalse();
        assertThat(retired.json().get("retiredAt").isNull()).isFalse();
        String after = signNow();
        NoteVerifiers oldOnly = only(oldKey.get("verifierKey").asString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SignedCheckpoint.open(bytes(after), oldOnly))
                .isInstanceOf(dev.greenlight.ledger.LedgerException.class);
        assertThat(SignedCheckpoint.open(bytes(before), oldOnly).checkpoint().size()).isPositive();

        JsonNode published = admin().get("/api/v1/ledger/keys").json().get("items");
        assertThat(published.findValuesAsString("id")).contains(oldKey.get("id").asString(), newKeyId);

        HttpResult lastOne = admin().post("/api/v1/ledger/keys/" + newKeyId + "/retire", Map.of());
        assertThat(lastOne.status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/ledger/default/entries?kind=signing-key.retired").json().get("items")).isNotEmpty();
    }

    private List<JsonNode> activeKeys() {
        return admin().get("/api/v1/ledger/keys").json().get("items").values().stream()
                .filter(key -> key.get("active").asBoolean()).toList();
    }

    private String signNow() {
        HttpResult signed = admin().post("/api/v1/ledger/default/checkpoint", Map.of());
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return signed.json().get("note").asString();
    }

    private static NoteVerifiers only(String verifierKey) {
        return NoteVerifiers.parse(List.of(verifierKey));
    }

    private static byte[] bytes(String note) {
        return note.getBytes(StandardCharsets.UTF_8);
    }
}
