package dev.greenlight.ledger.testing;

import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.note.NoteVerifiers;

/** Fixed keys for tests: deterministic, so signatures and key ids are reproducible. */
public final class TestKeys {
    private TestKeys() {}

    /** The seed of LEDGER.md's worked example: bytes 0x01, 0x02, ..., 0x20. */
    public static byte[] exampleSeed() {
        return seed(1);
    }

    /** The worked example's key for origin {@code example.com/log}. */
    public static NoteSigner exampleSigner() {
        return NoteSigner.ofEd25519Seed(TestLog.ORIGIN, exampleSeed());
    }

    /** A second key with the same name, as during a key rotation. */
    public static NoteSigner rotatedSigner() {
        return NoteSigner.ofEd25519Seed(TestLog.ORIGIN, seed(101));
    }

    /** A key with another name, as a witness would hold. */
    public static NoteSigner witnessSigner() {
        return NoteSigner.ofEd25519Seed("witness.example.org", seed(201));
    }

    public static NoteVerifiers exampleVerifiers() {
        return NoteVerifiers.of(exampleSigner().verifier());
    }

    /** Returns 32 bytes counting up from {@code first}. */
    public static byte[] seed(int first) {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (first + i);
        }
        return seed;
    }
}
