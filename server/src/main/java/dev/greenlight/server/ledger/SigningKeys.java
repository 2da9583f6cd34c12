package dev.greenlight.server.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.note.NoteVerifier;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;

/**
 * The instance's signing keys: public halves with validity windows in ledger_signing_keys, private halves from the
 * {@link KeyProvider}. All active keys sign every checkpoint (the rotation overlap); retired keys stay published so
 * the checkpoints they signed still verify.
 */
final class SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final JdbcClient jdbc;
    private final KeyProvider provider;
    private final Clock clock;

    SigningKeys(JdbcClient jdbc, KeyProvider provider, Clock clock) {
        this.jdbc = jdbc;
        this.provider = provider;
        this.clock = clock;
    }

    /** A published key and its window: valid from {@code validFrom}, until {@code retiredAt} if retired. */
    record PublishedKey(UUID id, byte[] publicKey, String source, Instant validFrom, @Nullable Instant retiredAt) {
        PublishedKey {
            requireNonNull(id, "id is null");
            publicKey = publicKey.clone();
        }

        boolean isActive() {
            return retiredAt == null;
        }

        NoteVerifier verifier(String origin) {
            return NoteVerifier.ofEd25519(origin, publicKey);
        }
    }

    /** At start: the first node registers a key (the configured file, or a new one in its data directory). */
    void ensureOneActiveKey() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('greenlight-ledger-keys'))").query(Object.class).list();
        if (!active().isEmpty()) {
            return;
        }
        List<KeyProvider.SigningKeyMaterial> available = provider.available();
        KeyProvider.SigningKeyMaterial material = available.isEmpty() ? provider.generate() : available.getFirst();
        register(material);
        log.info("ledger signing key registered ({})", material.source());
    }

    PublishedKey add() {
        return register(provider.generate());
    }

    PublishedKey retire(UUID id) {
        PublishedKey key = published().stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                .orElseThrow(() -> GreenlightException.notFound("No signing key " + id + "."));
        if (!key.isActive()) {
            return key;
        }
        if (active().size() < 2) {
            throw GreenlightException.conflict("This is the only active signing key; add its successor before retiring it.");
        }
        jdbc.sql("update ledger_signing_keys set retired_at = :now where id = :id and retired_at is null")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
        return published().stream().filter(candidate -> candidate.id().equals(id)).findFirst().orElseThrow();
    }

    List<PublishedKey> published() {
        return jdbc.sql("select * from ledger_signing_keys order by valid_from, id")
                .query((row, number) -> new PublishedKey(row.getObject("id", UUID.class), row.getBytes("public_key"),
                        row.getString("source"), row.getObject("valid_from", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(row.getObject("retired_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    List<PublishedKey> active() {
        return published().stream().filter(PublishedKey::isActive).toList();
    }

    /**
     * Signers for every active key, named for the origin; empty when this node lacks the private half of one of
     * them, because a checkpoint missing an expected signature would fail clients that trust only that key.
     */
    Optional<List<NoteSigner>> signersFor(String origin) {
        List<KeyProvider.SigningKeyMaterial> available = provider.available();
        List<NoteSigner> signers = new java.util.ArrayList<>();
        for (PublishedKey key : active()) {
            Optional<KeyProvider.SigningKeyMaterial> material = available.stream()
                    .filter(candidate -> Arrays.equals(candidate.publicKey(), key.publicKey())).findFirst();
            if (material.isEmpty()) {
                return Optional.empty();
            }
            signers.add(NoteSigner.ofEd25519Seed(origin, material.get().seed()));
        }
        return signers.isEmpty() ? Optional.empty() : Optional.of(signers);
    }

    private PublishedKey register(KeyProvider.SigningKeyMaterial material) {
        UUID id = Ids.newId(clock);
        jdbc.sql("""
                insert into ledger_signing_keys (id, public_key, source, valid_from) values (:id, :publicKey, :source, :now)
                on conflict (public_key) do nothing""")
                .param("id", id).param("publicKey", material.publicKey()).param("source", material.source())
                .param("now", OffsetDateTime.now(clock)).update();
        return published().stream().filter(key -> Arrays.equals(key.publicKey(), material.publicKey())).findFirst().orElseThrow();
    }
}
