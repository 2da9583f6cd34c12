package dev.greenlight.ledger.note;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.internal.NoteText;
import dev.greenlight.ledger.internal.StrictBase64;
import dev.greenlight.ledger.internal.StrictDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one line per signature.
 *
 * <p>Parsing checks the form only; {@link #verify(NoteVerifiers)} decides whether to believe the text. Holding a
 * {@code SignedNote} says nothing about who signed it.
 *
 * @param text the signed text, ending in a newline
 * @param signatures the signature lines in order, at least one
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /**
     * The most signature lines a parsed note may carry. The format asks verifiers to cap the number and to accept
     * at least 16; a note is signed by its log and a handful of witnesses.
     */
    public static final int MAX_SIGNATURES = 100;

    private static final String SEPARATOR = "\n\n";

    public SignedNote {
        requireNonNull(text, "text is null");
        signatures = List.copyOf(requireNonNull(signatures, "signatures is null"));
        checkText(text);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        for (NoteSignature signature : signatures) {
            if (!NoteText.isValidKeyName(signature.keyName())) {
                throw new IllegalArgumentException("invalid key name " + StrictDecimal.quote(signature.keyName()));
            }
        }
    }

    /**
     * Signs {@code text} with each signer, in order.
     *
     * @throws IllegalArgumentException if the text does not end in a newline or has control characters
     */
    public static SignedNote sign(String text, List<NoteSigner> signers) {
        requireNonNull(text, "text is null");
        requireNonNull(signers, "signers is null");
        checkText(text);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(new NoteSignature(signer.name(), signer.keyId(), signer.sign(message)));
        }
        return new SignedNote(text, signatures);
    }

    /**
     * Returns this note with {@code signer}'s signature added, replacing an earlier one by the same key. Used to
     * cosign a note or to add the new key's signature during a key rotation.
     */
    public SignedNote withSignatureBy(NoteSigner signer) {
        requireNonNull(signer, "signer is null");
        List<NoteSignature> result = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            if (!signature.isBy(signer.name(), signer.keyId())) {
                result.add(signature);
            }
        }
        result.add(new NoteSignature(signer.name(), signer.keyId(), signer.sign(text.getBytes(StandardCharsets.UTF_8))));
        return new SignedNote(text, result);
    }

    /**
     * Parses a signed note strictly: valid UTF-8, no control characters but newline, the text separated from the
     * signatures by the last blank line, every signature line well formed.
     *
     * @throws LedgerFormatException if the bytes are not a well-formed signed note
     */
    public static SignedNote parse(byte[] note) {
        requireNonNull(note, "note is null");
        String all = NoteText.decode(note, LedgerErrorCode.MALFORMED_NOTE, "note");
        int split = all.lastIndexOf(SEPARATOR);
        if (split < 0) {
            throw malformed("note has no blank line before its signatures");
        }
        String text = all.substring(0, split + 1);
        String block = all.substring(split + SEPARATOR.length());
        if (block.isEmpty()) {
            throw malformed("note has no signatures");
        }
        if (!block.endsWith("\n")) {
            throw malformed("note does not end in a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < block.length()) {
            int end = block.indexOf('\n', start);
            if (signatures.size() == MAX_SIGNATURES) {
                throw malformed("note has more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(parseSignatureLine(block.substring(start, end)));
            start = end + 1;
        }
        return new SignedNote(text, signatures);
    }

    /**
     * Verifies the note against trusted keys: signatures by unknown keys are ignored, every signature by a
     * trusted key must verify, and at least one must be present.
     *
     * @throws SignatureVerificationException if a trusted key's signature fails, or no trusted key signed
     */
    public VerifiedNote verify(NoteVerifiers trusted) {
        requireNonNull(trusted, "trusted is null");
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> verified = new ArrayList<>();
        List<NoteSignature> unknown = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            NoteVerifier verifier = trusted.find(signature.keyName(), signature.keyId()).orElse(null);
            if (verifier == null) {
                unknown.add(signature);
            } else if (verifier.verify(message, signature.signature())) {
                verified.add(signature);
            } else {
                throw new SignatureVerificationException(
                        LedgerErrorCode.INVALID_SIGNATURE,
                        "the signature by trusted key " + signature.keyName() + "+" + signature.keyId() + " does not verify");
            }
        }
        if (verified.isEmpty()) {
            throw new SignatureVerificationException(
                    LedgerErrorCode.NO_TRUSTED_SIGNATURE,
                    "the note is not signed by any trusted key; it is signed by " + describe(unknown));
        }
        return new VerifiedNote(text, verified, unknown);
    }

    /**
     * Parses and verifies a signed note in one step.
     *
     * @throws LedgerFormatException if the note is malformed
     * @throws SignatureVerificationException if its signatures do not verify as {@link #verify} requires
     */
    public static VerifiedNote open(byte[] note, NoteVerifiers trusted) {
        return parse(note).verify(trusted);
    }

    /** Returns the note as it is sent: text, blank line, signature lines. */
    public byte[] toBytes() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static NoteSignature parseSignatureLine(String line) {
        if (!line.startsWith(NoteSignature.LINE_PREFIX)) {
            throw malformed("signature line does not start with an em dash and a space: " + StrictDecimal.quote(line));
        }
        String rest = line.substring(NoteSignature.LINE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw malformed("signature line has no space between key name and signature: " + StrictDecimal.quote(line));
        }
        String name = rest.substring(0, space);
        if (!NoteText.isValidKeyName(name)) {
            throw malformed("signature line has an invalid key name: " + StrictDecimal.quote(name));
        }
        byte[] payload = StrictBase64.decode(rest.substring(space + 1), LedgerErrorCode.MALFORMED_NOTE, "signature of " + name);
        if (payload.length < 5) {
            throw malformed("signature of " + name + " is too short to hold a key id and a signature");
        }
        byte[] signature = new byte[payload.length - 4];
        System.arraycopy(payload, 4, signature, 0, signature.length);
        return new NoteSignature(name, KeyId.readFrom(payload, 0), signature);
    }

    private static void checkText(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end in a newline");
        }
        try {
            NoteText.checkNoControlCharacters(text, LedgerErrorCode.MALFORMED_NOTE, "note text");
        } catch (LedgerFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (text.codePoints().anyMatch(cp -> cp >= 0xd800 && cp <= 0xdfff)) {
            throw new IllegalArgumentException("note text has an unpaired surrogate");
        }
    }

    private static String describe(List<NoteSignature> signatures) {
        return signatures.stream().map(s -> s.keyName() + "+" + s.keyId()).toList().toString();
    }

    private static LedgerFormatException malformed(String message) {
        return new LedgerFormatException(LedgerErrorCode.MALFORMED_NOTE, message);
    }
}
